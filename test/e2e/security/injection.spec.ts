import type { Page } from '@playwright/test'
import { injectionBody } from '../../reliability/injectionBodies'
import { XSS_PAYLOADS } from '../../reliability/xssPayloads'
import { ELEMENT, expect, test, widgetIn } from '../fixtures'
import { E2E_API_BASE } from '../storefrontServer'

/**
 * XSS payloads in every string field, answered to the script-tag embed in real Chromium. Two
 * independent detectors: each payload sets `window.__xss` if it ever runs, and the page carries a
 * report-only CSP (`script-src 'self'`), so any inline script or handler would also raise a
 * `securitypolicyviolation` event and a report to /csp-report, without being blocked.
 */

const REPORT_PATH = '/csp-report'
const REPORT_ONLY_CSP = `default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; img-src 'self'; report-uri ${REPORT_PATH}`
const SAFE_COUPON_URL = 'https://demo-shop.example/discount/SAFE'

/** The injection body plus one row whose coupon link is a plain https URL, so the link check has
 * a link to find. */
function answerBody() {
  const body = injectionBody()
  const safe = { ...body.referrals[0], referral_bhid: 'safe', acceptance_bhid: 'safe-1', coupon: { text: 'SAFE', url: SAFE_COUPON_URL, title: null, source_label: null, used: false } }
  return { ...body, referrals: [...body.referrals, safe] }
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Injection test storefront</title>
    <script src="/embed/referral-history.js" defer></script>
  </head>
  <body>
    <div id="host-sandbox"></div>
    <bubblehouse-referral-history shop="demo-shop" token="injection-test-token" api-base-url="${E2E_API_BASE}"></bubblehouse-referral-history>
  </body>
</html>`

interface Detectors {
  xss: unknown
  violations: string[]
}

/** Serves the test page with the report-only CSP, answers the API with the payloads, and records
 * violations from the first line of the page on. */
async function openInjectedStorefront(page: Page): Promise<{ reports: string[] }> {
  const reports: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === REPORT_PATH) reports.push(request.postData() ?? '')
  })
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { __violations: violations })
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.sample}`), true)
  })
  await page.route('**/security/injection.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy-Report-Only': REPORT_ONLY_CSP }, body: PAGE }),
  )
  await page.route('**/CustomerReferrals2', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answerBody()) }))
  await page.route(`**${REPORT_PATH}`, (route) => route.fulfill({ status: 204 }))
  await page.goto('/security/injection.html')
  return { reports }
}

const detectors = (page: Page) =>
  page.evaluate((): Detectors => {
    const w = window as unknown as { __xss?: unknown; __violations: string[] }
    return { xss: w.__xss, violations: w.__violations }
  })

test.describe('given XSS payloads in every string field of the API answer', () => {
  test('renders every row and runs none of them: no flag, no CSP violation, no report', async ({ page }) => {
    const { reports } = await openInjectedStorefront(page)
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(host.locator('tr[data-status]')).toHaveCount(XSS_PAYLOADS.length + 1)
    // Give late loaders (images, iframes, handlers on focus or toggle) time to fire.
    await page.mouse.move(200, 300)
    await page.keyboard.press('Tab')
    await page.waitForTimeout(500)

    expect(await detectors(page)).toEqual({ xss: undefined, violations: [] })
    expect(reports).toEqual([])
    await expect(host.getByText('<img src=x onerror="window.__xss = true">').first()).toBeVisible()
  })

  test('turns only http: and https: URLs into links', async ({ page }) => {
    await openInjectedStorefront(page)
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    const hrefs = await host.evaluate((element) => [...(element.shadowRoot?.querySelectorAll('a') ?? [])].map((anchor) => anchor.href))
    expect(hrefs).toEqual([SAFE_COUPON_URL])
    const foreign = await host.evaluate((element) =>
      [...(element.shadowRoot?.querySelectorAll('script, img, svg, iframe, object, embed, link, meta, base, form, input, details') ?? [])].map(
        (node) => node.localName,
      ),
    )
    expect(foreign).toEqual([])
  })

  test('(control) the same payload written into the host page by the host itself is caught', async ({ page }) => {
    const { reports } = await openInjectedStorefront(page)
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
    await page.evaluate(() => {
      const sandbox = document.getElementById('host-sandbox')
      if (sandbox) sandbox.innerHTML = '<img src=x onerror="window.__xss = true">'
    })
    await expect.poll(async () => (await detectors(page)).xss).toBe(true)
    await expect.poll(async () => (await detectors(page)).violations.length).toBeGreaterThan(0)
    await expect.poll(() => reports.length).toBeGreaterThan(0)
  })
})
