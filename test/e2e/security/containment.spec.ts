import type { Page } from '@playwright/test'
import { mintMockCustomerToken } from '../../../src/mock-api/credentials'
import { addWidget, collectPageErrors, ELEMENT, expect, test, widgetIn } from '../fixtures'
import { E2E_API_BASE } from '../storefrontServer'

/**
 * An exception inside the embed stays inside it. The failure is forced from outside, the way a
 * host page (or a browser quirk) could cause one: an `Intl` API the widget calls starts throwing.
 * The host page's own `window.onerror` must see nothing, and the page keeps working.
 */

/** Installs the host page's error listeners before anything runs. */
async function watchHostErrors(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { __hostErrors: seen })
    window.onerror = (message) => {
      seen.push(String(message))
    }
    window.addEventListener('unhandledrejection', (event) => seen.push(`unhandled rejection: ${String(event.reason)}`))
  })
}

const hostErrors = (page: Page) => page.evaluate(() => (window as unknown as { __hostErrors: string[] }).__hostErrors)

test.describe('given the widget throws while rendering the history (Intl.DateTimeFormat#format fails)', () => {
  test('shows its Error state and the host page’s window.onerror sees nothing', async ({ page }) => {
    const pageErrors = collectPageErrors(page)
    const console: string[] = []
    page.on('console', (message) => console.push(message.text()))
    await watchHostErrors(page)
    await page.addInitScript(() => {
      // `format` is a getter in V8: replace the accessor, not the value.
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
        configurable: true,
        get() {
          throw new TypeError('date formatting broke')
        },
      })
    })
    await page.goto('/blank.html')
    await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, token: await mintMockCustomerToken('typical') })

    const widget = widgetIn(page.locator(ELEMENT))
    await expect(widget.getByText('Reference: render_error')).toBeVisible()
    await expect(widget.getByRole('button', { name: 'Retry' })).toBeVisible()
    expect(await hostErrors(page)).toEqual([])
    expect(pageErrors).toEqual([])
    expect(console).toContain('[referral-history] The widget failed to render: TypeError.')
    // The host page still runs its own scripts.
    expect(await page.evaluate(() => 40 + 2)).toBe(42)
  })
})

test.describe('given the widget throws above its error boundary (Intl.PluralRules#select fails in the live announcement)', () => {
  test('logs one console message, reports the error state, and the host page’s window.onerror sees nothing', async ({ page }) => {
    const pageErrors = collectPageErrors(page)
    const console: string[] = []
    page.on('console', (message) => console.push(message.text()))
    await watchHostErrors(page)
    await page.addInitScript(() => {
      // The root's live region words "17 referrals" with plural rules, outside the error boundary.
      Intl.PluralRules.prototype.select = () => {
        throw new RangeError('plural rules broke')
      }
      const states: string[] = []
      Object.assign(window, { __states: states })
      document.addEventListener('bubblehouse-referral-history:error', (event) => states.push(String((event as CustomEvent<{ state: string }>).detail.state)))
    })
    await page.goto('/blank.html')
    await addWidget(page, { shop: 'demo-shop', 'api-base-url': E2E_API_BASE, token: await mintMockCustomerToken('typical') })

    await expect.poll(() => console.filter((text) => text.startsWith('[referral-history]'))).toContain('[referral-history] The widget failed to render: RangeError.')
    // The host hears the documented error event instead.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __states: string[] }).__states)).toContain('error')
    expect(await hostErrors(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
