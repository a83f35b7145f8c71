import { writeFileSync } from 'node:fs'
import { collectPageErrors, ELEMENT, expect, test, widgetIn } from './fixtures'
import { STRICT_CSP } from './storefrontServer'

test.describe('given a page whose global CSS is hostile', () => {
  test('renders the widget pixel-identical to the same widget on a clean page', async ({ page }) => {
    await page.goto('/clean.html')
    const cleanHost = page.locator(ELEMENT)
    await expect(widgetIn(cleanHost)).toHaveAttribute('data-state', 'ready')
    const clean = await cleanHost.screenshot({ animations: 'disabled', caret: 'hide' })

    await page.goto('/hostile.html')
    // The hostile sheet is really active on the page's own content.
    await expect(page.locator('#probe')).toHaveCSS('color', 'rgb(255, 0, 0)')
    await expect(page.locator('#page-table')).toBeHidden()
    const hostileHost = page.locator(ELEMENT)
    await expect(widgetIn(hostileHost)).toHaveAttribute('data-state', 'ready')
    const hostile = await hostileHost.screenshot({ animations: 'disabled', caret: 'hide' })

    if (!hostile.equals(clean)) {
      writeFileSync(test.info().outputPath('clean.png'), clean)
      writeFileSync(test.info().outputPath('hostile.png'), hostile)
    }
    expect(hostile.equals(clean), 'the widget looks different under hostile page CSS').toBe(true)
  })

  test("keeps the widget's CSS out of the page", async ({ page }) => {
    await page.goto('/clean.html')
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
    // The page's own table and text keep the browser defaults the widget's sheet would change.
    await expect(page.locator('#page-table')).toHaveCSS('border-collapse', 'separate')
    await expect(page.locator('#probe')).toHaveCSS('color', 'rgb(0, 0, 0)')
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0)
    expect(await page.locator('style').count()).toBe(0)
  })
})

test.describe(`given a page served with "${STRICT_CSP}"`, () => {
  test('renders the widget with zero CSP violations', async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { cspViolations: seen })
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
    })
    const consoleProblems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) consoleProblems.push(message.text())
    })
    const errors = collectPageErrors(page)

    const response = await page.goto('/csp.html')
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP)
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')
    await expect(host.locator('tbody tr').first()).toBeVisible()
    // Styled by the adopted sheets (a blocked sheet would leave the browser's defaults).
    await expect(widgetIn(host)).toHaveCSS('line-height', '24px')

    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
    expect(consoleProblems).toEqual([])
    expect(errors).toEqual([])
  })
})
