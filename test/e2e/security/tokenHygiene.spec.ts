import { TYPICAL_REFERRALS } from '../../../src/mock-api/fixtures'
import { mintMockCustomerToken } from '../../../src/mock-api/credentials'
import type { ScenarioId } from '../../../src/mock-api/scenarios'
import { DEV_TOKEN_PATH } from '../../../src/demo/devMerchantTokenEndpoint'
import { addWidget, ELEMENT, expect, test, widgetIn } from '../fixtures'
import { E2E_API_BASE } from '../storefrontServer'

/**
 * The customer token is a bearer credential. Across every scenario the mock API knows, with the
 * token given as an attribute and fetched from token-url, it travels only in the Authorization
 * header of requests to the configured API: never in a URL, a console message, Web Storage,
 * IndexedDB or a cookie. Friends' full addresses (the leaky-emails server sends them) never reach
 * the console either.
 */

const SCENARIOS: readonly ScenarioId[] = [
  'typical',
  'empty',
  'rate-limited',
  'server-error',
  'flaky',
  'malformed',
  'html-error',
  'leaky-emails',
  'unknown-values',
]
const FULL_ADDRESSES = TYPICAL_REFERRALS.flatMap((referral) => (referral.destination?.includes('@') ? [referral.destination] : []))

test.describe('given widgets for every scenario, with tokens as attributes and from token-url', () => {
  test('the token only ever travels in the Authorization header to the API', async ({ page, context }) => {
    test.setTimeout(120_000)
    const console: string[] = []
    const requests: { url: string; authorization: string | undefined }[] = []
    const tokensFromEndpoint: Promise<string>[] = []
    page.on('console', (message) => console.push(message.text()))
    page.on('request', (request) => requests.push({ url: request.url(), authorization: request.headers().authorization }))
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === DEV_TOKEN_PATH) {
        tokensFromEndpoint.push(response.json().then((body: { token: string }) => body.token))
      }
    })

    const attributeTokens = await Promise.all(SCENARIOS.map((scenario) => mintMockCustomerToken(scenario)))
    const expired = await mintMockCustomerToken('typical', { expiresIn: -60 })
    await page.goto('/blank.html')
    for (const token of attributeTokens) await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, token })
    await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, 'token-url': `${DEV_TOKEN_PATH}?customer=leaky-emails` })
    await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, token: expired, 'token-url': `${DEV_TOKEN_PATH}?customer=typical` })
    await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, 'api-version': 'v1999', token: attributeTokens[0] ?? '' })

    const widgets = page.locator(ELEMENT)
    const count = await widgets.count()
    expect(count).toBe(SCENARIOS.length + 3)
    // Every widget reaches a final state (rate-limited needs its full backoff, up to ~7 s).
    // Widgets mount when they come near the viewport, so visit each one.
    for (let index = 0; index < count; index++) {
      await widgets.nth(index).scrollIntoViewIfNeeded()
      await expect(widgetIn(widgets.nth(index))).not.toHaveAttribute('data-state', 'loading', { timeout: 30_000 })
    }

    const tokens = [...attributeTokens, expired, ...(await Promise.all(tokensFromEndpoint))]
    expect(tokens.length).toBeGreaterThan(SCENARIOS.length + 1)
    const stored = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      indexedDb: JSON.stringify(await indexedDB.databases()),
    }))
    const cookies = JSON.stringify(await context.cookies())
    // Shadow roots of the token-url widgets: the fetched token is not written into the DOM.
    const widgetMarkup = await widgets.evaluateAll((elements) => elements.map((element) => element.shadowRoot?.innerHTML ?? '').join('\n'))

    for (const token of tokens) {
      expect(requests.filter((request) => request.url.includes(token))).toEqual([])
      expect(console.filter((text) => text.includes(token))).toEqual([])
      expect(Object.values(stored).some((text) => text.includes(token))).toBe(false)
      expect(cookies.includes(token)).toBe(false)
      expect(widgetMarkup.includes(token)).toBe(false)
    }
    for (const address of FULL_ADDRESSES) expect(console.filter((text) => text.includes(address))).toEqual([])

    const authorized = requests.filter((request) => request.authorization !== undefined)
    expect(authorized.length).toBeGreaterThan(0)
    for (const request of authorized) {
      expect(new URL(request.url).pathname.startsWith(`${E2E_API_BASE}/`)).toBe(true)
      expect(request.authorization).toMatch(/^Bearer /)
    }
    // The API-version widget told the integrator what to fix.
    expect(console.some((text) => text.includes('apiVersion'))).toBe(true)
  })
})
