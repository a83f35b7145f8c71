import { DEV_TOKEN_PATH } from '../../../src/demo/devMerchantTokenEndpoint'
import { addWidget, ELEMENT, expect, test, widgetIn } from '../fixtures'
import { E2E_API_BASE, TOKEN_REDIRECT_AWAY_PATH, TOKEN_REDIRECT_TO_LOGIN_PATH } from '../storefrontServer'

/**
 * Where the shopper's token may go, in Chromium, from markup an injection could write without any
 * script: never to an origin the markup names (other than Bubblehouse's or the page's own), never
 * along a path walked by `shop` or `api-version`, and never from a token-url that redirects.
 */

test.describe('given markup a review field let through', () => {
  test('no request leaves the page for it (no early request, no token-url, no API), and each widget shows the config notice', async ({ page, server }) => {
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    // Were anything sent there, it would be answered (and recorded above), not lost to DNS.
    await page.route('https://collector.example/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"referrals":[]}' }))
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })

    await page.goto('/injected-markup.html')
    const widgets = page.locator(ELEMENT)
    await expect(widgets).toHaveCount(4)
    for (let index = 0; index < 4; index++) {
      await widgets.nth(index).scrollIntoViewIfNeeded()
      await expect(widgetIn(widgets.nth(index))).toHaveAttribute('data-state', 'config-error')
    }

    await expect(widgetIn(page.locator('#foreign-api-token-url'))).toContainText('"api-base-url" must be on https://app.bubblehouse.com')
    await expect(widgetIn(page.locator('#shop-walk'))).toContainText('"shop" must be a shop slug')
    await expect(widgetIn(page.locator('#version-walk'))).toContainText('"apiVersion" (attribute api-version) must be "v" followed by digits')
    expect(errors.filter((text) => text.startsWith('[referral-history] "api-base-url" must be on'))).toHaveLength(1)

    expect(requested.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([])
    expect(requested.filter((url) => url.includes('/CustomerReferrals2') || url.includes(DEV_TOKEN_PATH))).toEqual([])
    expect(server.stats).toMatchObject({ apiRequestsStarted: 0, tokenRequests: 0 })
  })
})

test.describe('given a token-url that answers with a redirect', () => {
  test('to the store’s login page: the sign-in-again state, and no API request', async ({ page, server }) => {
    await page.goto('/blank.html')
    await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, 'token-url': TOKEN_REDIRECT_TO_LOGIN_PATH })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'invalid-token')
    expect(server.stats.apiRequestsStarted).toBe(0)
  })

  test('to another origin that hands out a token: not followed, that token never reaches the API', async ({ page, server }) => {
    await page.goto('/blank.html')
    await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, 'token-url': TOKEN_REDIRECT_AWAY_PATH })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'invalid-token')
    // Counted by the server itself: Playwright's request events list a redirect's target even when
    // the page's fetch (redirect: 'manual') never goes there.
    expect(server.stats).toMatchObject({ foreignTokenRequests: 0, apiRequestsStarted: 0 })
  })
})
