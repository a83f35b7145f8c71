import type { BrowserContext, Page } from '@playwright/test'
import { DEV_SESSION_COOKIE, DEV_TOKEN_PATH } from '../../src/demo/devMerchantTokenEndpoint'
import type { ReferralHistoryGlobal } from '../../src/embed/types'
import { TYPICAL_REFERRALS, UNKNOWN_VALUES_REFERRALS } from '../../src/mock-api'
import { addWidget, ELEMENT, expect, test, widgetIn } from './fixtures'
import { E2E_API_BASE, type StorefrontServer } from './storefrontServer'

// A single-page shop (Hydrogen, Next.js commerce, any SPA theme): the shopper signs out and another
// signs in without a page load. The session is the dev storefront's cookie, read by its token
// endpoint exactly as a merchant's `token-url` reads its session. Alice is the "typical" mock
// customer (rows with coupons), Bob the "unknown-values" one.
const ALICE = 'typical'
const BOB = 'unknown-values'
const WIDGET = { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, 'token-url': DEV_TOKEN_PATH }

async function signIn(context: BrowserContext, server: StorefrontServer, customer: string): Promise<void> {
  await context.addCookies([{ name: DEV_SESSION_COOKIE, value: customer, url: server.origin }])
}

/** Every Authorization header sent to the API, in order. */
function recordApiTokens(page: Page): string[] {
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/CustomerReferrals2')) sent.push(request.headers()['authorization'] ?? '')
  })
  return sent
}

/** What a widget shows that identifies a customer's history: the masked friends and coupon codes. */
async function shownMarkers(page: Page): Promise<string[]> {
  return page.locator(ELEMENT).evaluate((element) =>
    // Destinations (not channel-only labels such as "Shared on WhatsApp", which anyone may have).
    [...element.shadowRoot!.querySelectorAll('.bh-rh-friend-name[dir="auto"], .bh-rh-coupon-code')].map((node) => node.textContent ?? '').filter(Boolean),
  )
}

/** From now on, checks every frame whether any widget on the page shows one of `markers`. */
async function watchFor(page: Page, markers: string[]): Promise<() => Promise<string[]>> {
  await page.evaluate(
    ({ markers, name }) => {
      const seen = new Set<string>()
      ;(window as unknown as { markersSeen: Set<string> }).markersSeen = seen
      const check = () => {
        for (const element of document.querySelectorAll(name)) {
          const text = element.shadowRoot?.textContent ?? ''
          for (const marker of markers) if (text.includes(marker)) seen.add(marker)
        }
        requestAnimationFrame(check)
      }
      check()
    },
    { markers, name: ELEMENT },
  )
  return () => page.evaluate(() => [...(window as unknown as { markersSeen: Set<string> }).markersSeen])
}

async function removeWidgets(page: Page): Promise<void> {
  await page.evaluate((name) => document.querySelectorAll(name).forEach((element) => element.remove()), ELEMENT)
}

for (const signOut of ['the widget removed', 'the widget removed and reset() called', 'reset() called with the widget on screen'] as const) {
  test.describe(`given Alice signs out and Bob signs in without a page load (${signOut})`, () => {
    test('no request carries Alice’s token and none of her rows or coupons is ever on screen for Bob', async ({ page, context, server }) => {
      const sent = recordApiTokens(page)
      await signIn(context, server, ALICE)
      await page.goto('/blank.html')
      await addWidget(page, WIDGET)
      const host = page.locator(ELEMENT)
      await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
      await expect(host.locator('tr[data-status]')).toHaveCount(TYPICAL_REFERRALS.length)
      const aliceMarkers = await shownMarkers(page)
      expect(aliceMarkers.length).toBeGreaterThan(5)
      expect(sent).toHaveLength(1)
      const aliceToken = sent[0]

      // Sign-out and sign-in change the session; the shop swaps the account page out, or keeps it
      // and calls reset() (or both).
      if (signOut !== 'reset() called with the widget on screen') await removeWidgets(page)
      await signIn(context, server, BOB)
      if (signOut !== 'the widget removed') await page.evaluate(() => (window as unknown as { BubblehouseReferralHistory: ReferralHistoryGlobal }).BubblehouseReferralHistory.reset())
      const seenAfterSignOut = await watchFor(page, aliceMarkers)
      if (signOut !== 'reset() called with the widget on screen') await addWidget(page, WIDGET)

      await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
      await expect(host.locator('tr[data-status]')).toHaveCount(UNKNOWN_VALUES_REFERRALS.length)
      expect(await seenAfterSignOut()).toEqual([])
      expect(sent.slice(1)).toHaveLength(1)
      expect(sent.slice(1)).not.toContain(aliceToken)
      expect(server.api.requests.map((request) => request.scenario)).toEqual([ALICE, BOB])
      // The token source was asked again for the new widget (or the widget starting over).
      expect(server.stats.tokenRequests).toBe(2)
    })
  })
}

test.describe('given the same customer’s widget removed and added again (a page change in a single-page shop)', () => {
  test('asks the token source again and shows the cached history without a new API request', async ({ page, context, server }) => {
    await signIn(context, server, ALICE)
    await page.goto('/blank.html')
    await addWidget(page, WIDGET)
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await removeWidgets(page)
    await expect(host).toHaveCount(0)

    await addWidget(page, WIDGET)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(host.locator('tr[data-status]')).toHaveCount(TYPICAL_REFERRALS.length)
    expect(server.stats.tokenRequests).toBe(2)
    expect(server.api.requests).toHaveLength(1)
  })
})

test.describe('given reset() while Alice is still signed in', () => {
  test('forgets her cached history: the widget starts over and asks the API again', async ({ page, context, server }) => {
    await signIn(context, server, ALICE)
    await page.goto('/blank.html')
    await addWidget(page, WIDGET)
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')

    await page.evaluate(() => (window as unknown as { BubblehouseReferralHistory: ReferralHistoryGlobal }).BubblehouseReferralHistory.reset())
    await expect.poll(() => server.api.requests.length).toBe(2)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    expect(server.stats.tokenRequests).toBe(2)
  })
})
