import { mintMockCustomerToken } from '../../src/mock-api/credentials'
import { addWidget, collectPageErrors, ELEMENT, expect, test, widgetIn } from './fixtures'
import { E2E_API_BASE } from './storefrontServer'

const MOCK_API = { shop: 'demo-shop', 'api-base-url': E2E_API_BASE }

test.describe('given the API is down until the shopper retries', () => {
  test('the retry button inside the shadow root works from the keyboard (Tab, Space, Enter)', async ({ page, server }) => {
    server.outage = true
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical') })
    const host = page.locator(ELEMENT)
    // After the automatic retries for a 503 the Error state offers a retry.
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'error')
    const retry = host.getByRole('button', { name: /try again|retry/i })

    // The first stop is the widget's scrolling body (a named region), the next its Retry button.
    await page.keyboard.press('Tab')
    await expect(host.getByRole('region', { name: 'Your referrals' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(retry).toBeFocused()
    const before = server.stats.apiRequestsStarted
    await page.keyboard.press('Space')
    // With no rows to keep, the load Retry started shows Loading, with its own automatic retries
    // (seconds), then Error again while the outage goes on. The outage ends only after that: ended
    // during those retries, one of them would succeed and leave no Retry button to press.
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'loading')
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'error')
    expect(server.stats.apiRequestsStarted).toBeGreaterThan(before)
    // Retry went away with the Error state: the focus went to the widget's body, not the page's start.
    await expect(host.getByRole('region', { name: 'Your referrals' })).toBeFocused()

    server.outage = false
    await retry.focus()
    await page.keyboard.press('Enter')
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(host.locator('tbody tr').first()).toBeVisible()
  })
})

test.describe('given a listener on the page for the widget events', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const seen: { type: string; detail: string }[] = []
      Object.assign(window, { widgetEvents: seen })
      for (const name of ['state', 'ready', 'empty', 'needs-sign-in', 'error', 'rate-limited']) {
        document.addEventListener(`bubblehouse-referral-history:${name}`, (event) => {
          seen.push({ type: event.type, detail: JSON.stringify((event as CustomEvent).detail) })
        })
      }
    })
  })

  const eventsOf = (page: import('@playwright/test').Page) =>
    page.evaluate(() => (window as unknown as { widgetEvents: { type: string; detail: string }[] }).widgetEvents)

  test('hears loading then ready for a customer with referrals, with no token in any detail', async ({ page }) => {
    const errors = collectPageErrors(page)
    const token = await mintMockCustomerToken('typical')
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
    await expect.poll(() => eventsOf(page)).toEqual([
      { type: 'bubblehouse-referral-history:state', detail: '{"state":"loading"}' },
      { type: 'bubblehouse-referral-history:state', detail: '{"state":"ready"}' },
      { type: 'bubblehouse-referral-history:ready', detail: '{"state":"ready"}' },
    ])
    expect(JSON.stringify(await eventsOf(page))).not.toContain(token)
    expect(errors).toEqual([])
  })

  test('hears empty for a customer without referrals', async ({ page }) => {
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, 'token-url': '/dev-merchant/customer-token?customer=empty' })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'empty')
    await expect.poll(async () => (await eventsOf(page)).map((event) => event.type)).toContain('bubblehouse-referral-history:empty')
  })

  test('hears needs-sign-in when the token has expired and there is no token-url', async ({ page }) => {
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical', { expiresIn: -60 }) })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'invalid-token')
    await expect
      .poll(async () => (await eventsOf(page)).filter((event) => !event.type.endsWith(':state')))
      .toEqual([{ type: 'bubblehouse-referral-history:needs-sign-in', detail: '{"state":"invalid-token"}' }])
  })
})
