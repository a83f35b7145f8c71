import { mkdirSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { collectPageErrors, ELEMENT, expect, test, widgetIn } from './fixtures'

test.describe('given a storefront page with the script tag and one widget', () => {
  test('renders the referral rows inside the open shadow root', async ({ page }) => {
    const errors = collectPageErrors(page)
    await page.goto('/storefront.html')
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    const rowsInShadow = await host.evaluate((element) => element.shadowRoot?.querySelectorAll('tbody tr').length ?? 0)
    expect(rowsInShadow).toBeGreaterThan(3)
    // Nothing of the widget is in the light DOM: the page's own CSS and scripts cannot see it.
    expect(await host.evaluate((element) => element.children.length)).toBe(0)
    await expect(host.getByRole('heading', { level: 2 })).toBeVisible()
    expect(errors).toEqual([])

    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/embed-storefront.png', fullPage: true })
  })

  test('has no axe violations in the rendered widget', async ({ page }) => {
    await page.goto('/storefront.html')
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
    const results = await new AxeBuilder({ page }).include(ELEMENT).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
    // The scan really looked inside the shadow root (not a vacuous pass on an empty host).
    expect(results.passes.length).toBeGreaterThan(5)
  })
})
