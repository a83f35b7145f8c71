import { collectPageErrors, ELEMENT, expect, test, widgetIn } from './fixtures'
import { PACKAGE_VERSION } from './storefrontServer'

const MAIN_CHUNK = `referral-history.main@${PACKAGE_VERSION}.js`

test.describe('given a widget far below the fold', () => {
  test('fetches the main chunk only once the widget is within one viewport height', async ({ page, server }) => {
    const mainRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes(MAIN_CHUNK)) mainRequests.push(request.url())
    })
    await page.goto('/below-the-fold.html')
    await page.waitForLoadState('networkidle')
    expect(await page.evaluate(() => customElements.get('bubblehouse-referral-history') !== undefined)).toBe(true)
    expect(mainRequests).toEqual([])
    expect(server.stats.apiRequestsStarted).toBe(0)

    // Half a viewport below the bottom edge: not visible yet, but inside the loader's margin.
    await page.evaluate(() => {
      const top = document.querySelector('bubblehouse-referral-history')!.getBoundingClientRect().top + scrollY
      scrollTo(0, top - 1.5 * innerHeight)
    })
    await expect.poll(() => mainRequests.length).toBe(1)
    expect(await page.locator(ELEMENT).evaluate((element) => element.getBoundingClientRect().top > innerHeight)).toBe(true)

    await page.locator(ELEMENT).scrollIntoViewIfNeeded()
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
    expect(mainRequests).toHaveLength(1)
  })
})

test.describe('given the loader included twice (and the pinned copy once)', () => {
  test('throws nothing, defines the element once and renders one widget', async ({ page }) => {
    const errors = collectPageErrors(page)
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.goto('/included-twice.html')
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    expect(await host.evaluate((element) => element.shadowRoot?.querySelectorAll('.bh-rh').length)).toBe(1)
    expect(await page.evaluate(() => typeof (window as { BubblehouseReferralHistory?: { mount?: unknown } }).BubblehouseReferralHistory?.mount)).toBe('function')
    expect(errors).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
