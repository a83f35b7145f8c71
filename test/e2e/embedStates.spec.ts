import type { Locator, Page } from '@playwright/test'
import { mintMockCustomerToken } from '../../src/mock-api/credentials'
import { TYPICAL_REFERRALS, UNKNOWN_VALUES_REFERRALS } from '../../src/mock-api/fixtures'
import { addWidget, collectPageErrors, ELEMENT, expect, test, widgetIn } from './fixtures'
import { E2E_API_BASE } from './storefrontServer'

// The view states, timers, attribute updates and cache entries of the BUILT embed: Preact through
// preact/compat, with @tanstack/react-query on it. The unit tests run the same widget on React;
// these prove the embed's renderer behaves the same.

const MOCK_API = { shop: 'demo-shop', 'api-base-url': E2E_API_BASE }

/** Referral rows (not the group headers of shared links) in a widget's shadow root. */
const rowsOf = (host: Locator) => host.locator('tr.bh-rh-row')

/** What the mock API answered, oldest first, as `scenario status`. */
const answered = (server: { api: { requests: readonly { scenario: string | null; status: number }[] } }) =>
  server.api.requests.map((request) => `${request.scenario} ${request.status}`)

/** Records every `bubblehouse-referral-history:state` event the page hears, from the first one. */
async function recordStateEvents(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const states: string[] = []
    Object.assign(window, { widgetStates: states })
    document.addEventListener('bubblehouse-referral-history:state', (event) => {
      states.push(String((event as CustomEvent<{ state: string }>).detail.state))
    })
  })
  return () => page.evaluate(() => (window as unknown as { widgetStates: string[] }).widgetStates)
}

/** The whole seconds of the rate-limited countdown ("Trying again in 27 s"), or null. */
async function countdownSeconds(host: Locator): Promise<number | null> {
  const text = await host.locator('.bh-rh-countdown').textContent()
  const match = /^Trying again in (\d+) s$/.exec(text?.trim() ?? '')
  return match ? Number(match[1]) : null
}

test.describe('given a customer the API rate-limits', () => {
  test('after the backoff retries the RateLimited state shows a countdown that ticks down by itself', async ({ page, server }) => {
    const errors = collectPageErrors(page)
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('rate-limited') })
    const host = page.locator(ELEMENT)

    // 1 request + 3 retries with 1 s, 2 s, 4 s backoff (at most 7 s with jitter).
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'rate-limited', { timeout: 20_000 })
    expect(answered(server)).toEqual(Array(4).fill('rate-limited 429'))
    await expect(host.getByText('Your referrals are taking a moment')).toBeVisible()
    await expect(host.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(rowsOf(host)).toHaveCount(0)

    const first = await countdownSeconds(host)
    expect(first).not.toBeNull()
    expect(first).toBeGreaterThan(1)
    expect(first).toBeLessThanOrEqual(30)
    // Only a timer re-renders the countdown: nothing else changes while the API is left alone.
    await expect.poll(() => countdownSeconds(host), { timeout: 5_000 }).toBeLessThan(first ?? 0)
    expect(server.api.requests).toHaveLength(4)
    expect(errors).toEqual([])
  })

  test('rate-limited once: the backoff retry loads the rows by itself, with no error shown on the way', async ({ page, server }) => {
    const states = await recordStateEvents(page)
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('rate-limited-once') })
    const host = page.locator(ELEMENT)

    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 })
    await expect(rowsOf(host)).toHaveCount(TYPICAL_REFERRALS.length)
    expect(answered(server)).toEqual(['rate-limited-once 429', 'rate-limited-once 200'])
    expect(await states()).toEqual(['loading', 'ready'])
  })

  test('rate-limited on a refresh: the stale history refetches when the page is shown again and stays on screen under the notice', async ({ page, server }) => {
    // A fake clock that still runs in real time, so the 60 s stale window can be skipped.
    await page.clock.install()
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('rate-limited-after-first') })
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(rowsOf(host)).toHaveCount(TYPICAL_REFERRALS.length)
    expect(answered(server)).toEqual(['rate-limited-after-first 200'])

    await page.clock.fastForward('01:01')
    // react-query refetches stale queries when the tab becomes visible again (`visibilitychange`).
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')))

    await expect(widgetIn(host)).toHaveAttribute('data-state', 'rate-limited', { timeout: 20_000 })
    expect(answered(server)).toEqual(['rate-limited-after-first 200', ...Array(4).fill('rate-limited-after-first 429')])
    await expect(host.getByText('Showing your referrals as they were at the last update.')).toBeVisible()
    await expect(rowsOf(host)).toHaveCount(TYPICAL_REFERRALS.length)
    await expect(host.locator('.bh-rh-countdown')).toHaveText(/^Trying again in \d+ s$/)
  })
})

test.describe('given a server that answers 5xx', () => {
  test('a customer whose requests always fail gets the Error state with its reference; Retry asks again', async ({ page, server }) => {
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('server-error') })
    const host = page.locator(ELEMENT)

    // 1 request + 2 automatic retries, then Error.
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'error', { timeout: 20_000 })
    expect(answered(server)).toEqual(Array(3).fill('server-error 500'))
    await expect(host.getByText('We couldn’t load your referrals')).toBeVisible()
    // internal_error is not a documented id: a generic reference, never the server's text.
    await expect(host.getByText('Reference: api_error')).toBeVisible()

    await host.getByRole('button', { name: 'Retry' }).click()
    // A manual retry is a new load with its own automatic retries.
    await expect.poll(() => server.api.requests.length, { timeout: 20_000 }).toBe(6)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'error', { timeout: 20_000 })
    await expect(rowsOf(host)).toHaveCount(0)
  })

  test('clicking Retry after the outage ends shows the rows', async ({ page, server }) => {
    // No scenario fails past the automatic retries and then recovers (`flaky` recovers on the
    // first automatic retry), so the storefront server's outage switch plays the 503s.
    server.outage = true
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical') })
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'error', { timeout: 20_000 })
    await expect(host.getByText('Reference: api_error')).toBeVisible()
    expect(server.stats.apiRequestsStarted).toBe(3)
    expect(server.api.requests).toHaveLength(0)

    server.outage = false
    await host.getByRole('button', { name: 'Retry' }).click()
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(rowsOf(host)).toHaveCount(TYPICAL_REFERRALS.length)
    await expect(host.getByRole('button', { name: 'Retry' })).toHaveCount(0)
    expect(answered(server)).toEqual(['typical 200'])
  })
})

test.describe('given a reward coupon inside the shadow root', () => {
  test('Copy puts the code on the clipboard and the status next to it says Copied', async ({ page, context, server }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin })
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical') })
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await page.evaluate(() => navigator.clipboard.writeText('something else'))

    const copy = host.getByRole('button', { name: 'Copy coupon code FRIEND-7KQ2' })
    // That button's coupon (`has` is matched inside each coupon).
    const coupon = host.locator('.bh-rh-coupon').filter({ has: page.getByRole('button', { name: 'Copy coupon code FRIEND-7KQ2' }) })
    await expect(coupon).toHaveCount(1)
    // The coupon's status region is empty until a copy.
    await expect(coupon.locator('.bh-rh-copy-feedback')).toHaveText('')

    await copy.click()
    await expect(coupon.getByRole('status')).toHaveText('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('FRIEND-7KQ2')
    // Only the coupon that was copied says so.
    await expect(host.locator('.bh-rh-coupon').getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1)
  })
})

test.describe('given invitations that are still open', () => {
  test('"Copy link" sits on invited rows only, copies the friend\'s link and says so in that row', async ({ page, context, server }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin })
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical') })
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')

    const invited = TYPICAL_REFERRALS.filter((referral) => referral.status === 'invited')
    const copyLinks = host.getByRole('button', { name: /^Copy the invitation link/ })
    await expect(copyLinks).toHaveCount(invited.length)
    await expect(host.locator('tr.bh-rh-row:not([data-status="invited"])').getByRole('button', { name: /^Copy the invitation link/ })).toHaveCount(0)

    const row = host.locator('tr.bh-rh-row').filter({ hasText: 'p***@e***.net' })
    await row.getByRole('button', { name: 'Copy the invitation link (p***@e***.net)' }).click()
    await expect(row.getByRole('status')).toHaveText('Link copied')
    const link = invited.find((referral) => referral.destination?.startsWith('priya'))?.link
    expect(link).toMatch(/^https:\/\//)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
    await expect(host.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1)
  })
})

test.describe('given an expired token', () => {
  for (const [attribute, link] of [
    ['/account/login', '/account/login'],
    [undefined, null],
    ['javascript:alert(1)', null],
  ] as const) {
    test(`sign-in-url=${attribute ?? '(none)'}: the sign-in-again state ${link ? 'links to it' : 'asks in words only'}`, async ({ page }) => {
      await page.goto('/blank.html')
      const token = await mintMockCustomerToken('typical', { expiresIn: -60 })
      await addWidget(page, { ...MOCK_API, token, ...(attribute ? { 'sign-in-url': attribute } : {}) })
      const host = page.locator(ELEMENT)
      await expect(widgetIn(host)).toHaveAttribute('data-state', 'invalid-token')
      await expect(host.getByText('Please sign in again to see your referrals.')).toBeVisible()
      if (link) await expect(host.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', link)
      else await expect(host.locator('a')).toHaveCount(0)
    })
  }
})

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the embed\'s default box shows the summary and at least three whole rows', async ({ page }) => {
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical') })
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    const visible = await host.evaluate((element) => {
      const root = element.shadowRoot?.querySelector('.bh-rh-body')
      if (!root) return -1
      const box = root.getBoundingClientRect()
      const bottom = Math.min(box.bottom, window.innerHeight)
      return Array.from(root.querySelectorAll('tr.bh-rh-row')).filter((row) => {
        const rect = row.getBoundingClientRect()
        return rect.height > 0 && rect.top >= box.top - 0.5 && rect.bottom <= bottom + 0.5
      }).length
    })
    expect(visible).toBeGreaterThanOrEqual(3)
  })
})

test.describe('given a widget with a locale attribute', () => {
  test('fr loads the French chunk; switching to de re-renders in German without asking the API again', async ({ page, server }) => {
    const chunks: string[] = []
    page.on('request', (request) => {
      // Vite's content hash is 8 characters that may hold '-' themselves (fr-DpexX-IN).
      const match = /referral-history\.([\w-]+)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname)
      if (match?.[1]) chunks.push(match[1])
    })
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical'), locale: 'fr', currency: 'EUR' })
    const host = page.locator(ELEMENT)
    const headers = host.getByRole('columnheader')

    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(headers).toHaveText(['Ami', 'Statut', 'Date', 'Récompense'])
    await expect(host.getByRole('heading', { level: 2 })).toHaveText('Vos parrainages')
    await expect(widgetIn(host)).toHaveAttribute('lang', 'fr')
    expect(chunks).toEqual(['fr'])

    await host.evaluate((element) => element.setAttribute('locale', 'de'))
    await expect(headers).toHaveText(['Freund', 'Status', 'Datum', 'Prämie'])
    await expect(host.getByRole('heading', { level: 2 })).toHaveText('Ihre Empfehlungen')
    await expect(widgetIn(host)).toHaveAttribute('lang', 'de')
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(rowsOf(host)).toHaveCount(TYPICAL_REFERRALS.length)
    expect(chunks).toEqual(['fr', 'de'])
    expect(answered(server)).toEqual(['typical 200'])
  })
})

test.describe('given a widget with theme="light"', () => {
  test('theme="dark" repaints it in place with dark colours', async ({ page, server }) => {
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical'), theme: 'light' })
    const host = page.locator(ELEMENT)
    const widget = widgetIn(host)
    await expect(widget).toHaveAttribute('data-state', 'ready')
    await expect(widget).toHaveAttribute('data-theme', 'light')
    const colours = () => widget.evaluate((root) => {
      const style = getComputedStyle(root)
      return { text: style.color, background: style.backgroundColor }
    })
    const light = await colours()
    // A marker a reload would lose.
    await page.evaluate(() => Object.assign(window, { stillThisPage: true }))

    await host.evaluate((element) => element.setAttribute('theme', 'dark'))
    await expect(widget).toHaveAttribute('data-theme', 'dark')
    const dark = await colours()

    expect(dark.background).not.toBe(light.background)
    expect(dark.text).not.toBe(light.text)
    expect(luminance(dark.background)).toBeLessThan(luminance(light.background))
    expect(luminance(dark.text)).toBeGreaterThan(luminance(dark.background))
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true)
    await expect(rowsOf(host)).toHaveCount(TYPICAL_REFERRALS.length)
    expect(answered(server)).toEqual(['typical 200'])
  })
})

test.describe('given two widgets of two different customers on one page', () => {
  test('each shows its own rows, and removing one leaves the other working', async ({ page, server }) => {
    const errors = collectPageErrors(page)
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, id: 'typical', token: await mintMockCustomerToken('typical'), currency: 'EUR' })
    await addWidget(page, { ...MOCK_API, id: 'unknown', token: await mintMockCustomerToken('unknown-values'), currency: 'EUR' })
    const typical = page.locator(`${ELEMENT}#typical`)
    const unknown = page.locator(`${ELEMENT}#unknown`)

    await expect(widgetIn(typical)).toHaveAttribute('data-state', 'ready')
    await expect(widgetIn(unknown)).toHaveAttribute('data-state', 'ready')
    await expect(rowsOf(typical)).toHaveCount(TYPICAL_REFERRALS.length)
    await expect(rowsOf(unknown)).toHaveCount(UNKNOWN_VALUES_REFERRALS.length)
    // Rows only one customer has: a coupon of `typical`, the unknown status of `unknown-values`.
    await expect(typical.getByText('FRIEND-7KQ2', { exact: true })).toBeVisible()
    await expect(unknown.getByText('FRIEND-7KQ2', { exact: true })).toHaveCount(0)
    await expect(rowsOf(unknown).filter({ hasText: 'In progress' })).toHaveCount(2)
    await expect(rowsOf(typical).filter({ hasText: 'In progress' })).toHaveCount(0)
    expect(answered(server).sort()).toEqual(['typical 200', 'unknown-values 200'])

    await typical.evaluate((element) => element.remove())
    await expect(typical).toHaveCount(0)
    await expect(rowsOf(unknown)).toHaveCount(UNKNOWN_VALUES_REFERRALS.length)
    // Still alive: an attribute change re-renders it (from its own cache entry, no new request).
    await expect(unknown.getByText('€5.00').first()).toBeVisible()
    await unknown.evaluate((element) => element.setAttribute('currency', 'USD'))
    await expect(unknown.getByText('$5.00').first()).toBeVisible()
    await expect(unknown.getByText('€5.00')).toHaveCount(0)
    expect(server.api.requests).toHaveLength(2)
    expect(errors).toEqual([])
  })
})

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)`/`rgba(…)` colour. */
function luminance(colour: string): number {
  const channels = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour)
  if (!channels) throw new Error(`not an rgb() colour: ${colour}`)
  const [r, g, b] = channels.slice(1, 4).map((value) => {
    const c = Number(value) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}
