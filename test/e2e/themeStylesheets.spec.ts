import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { THEME_NAMES, type ThemeName } from '../support/themeNames'
import { ELEMENT, expect, test, widgetIn } from './fixtures'
import { E2E_API_BASE, THEMES_PATH } from './storefrontServer'

// Issue 14, point 3, for the script-tag element: real published theme stylesheets (from
// node_modules, served by the storefront server) and a Dawn-like page of our own must not change a
// single pixel of the widget. The npm component: test/views/ReferralHistory.themes.browser.test.tsx.

const WIDGET_ATTRIBUTES = {
  shop: 'demo-shop',
  currency: 'EUR',
  'api-base-url': E2E_API_BASE,
  'token-url': '/dev-merchant/customer-token?customer=typical',
}

// The same spot and width on every page (absolute, so a theme's body margin or grid cannot move
// it); the page around may differ, the widget's pixels may not.
const PLACEMENT = `${ELEMENT} { position: absolute; top: 200px; left: 40px; width: 720px; }`

async function openPage(page: Page, theme: ThemeName | null): Promise<void> {
  await page.goto('/blank.html')
  await page.evaluate(
    async ({ href, placement, name, attributes }) => {
      if (href) {
        const link = document.createElement('link')
        link.rel = 'stylesheet'
        link.href = href
        const loaded = new Promise((resolve, reject) => {
          link.onload = resolve
          link.onerror = reject
        })
        document.head.append(link)
        await loaded
      }
      const style = document.createElement('style')
      style.textContent = placement
      document.head.append(style)
      const element = document.createElement(name)
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
      document.body.append(element)
    },
    { href: theme ? `${THEMES_PATH}/${theme}.css` : null, placement: PLACEMENT, name: ELEMENT, attributes: WIDGET_ATTRIBUTES },
  )
  await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
  await page.evaluate(() => document.fonts.ready)
}

/** The element's box, plus a margin so a ring or shadow drawn around it by the page shows too. */
async function widgetPixels(page: Page): Promise<Buffer> {
  const box = (await page.locator(ELEMENT).boundingBox())!
  const margin = 16
  return page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
  })
}

function expectSamePixels(name: string, themed: Buffer, plain: Buffer): void {
  if (!themed.equals(plain)) {
    writeFileSync(test.info().outputPath(`${name}.png`), themed)
    writeFileSync(test.info().outputPath('no-theme.png'), plain)
  }
  expect(themed.equals(plain), `the widget looks different under ${name} (screenshots in the test output)`).toBe(true)
}

for (const theme of THEME_NAMES) {
  test.describe(`given the ${theme} stylesheet on the page`, () => {
    test('the element renders pixel-identical to the same page without theme CSS', async ({ page }) => {
      await openPage(page, null)
      const plain = await widgetPixels(page)
      await openPage(page, theme)
      // The theme really is active on the page itself.
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(1)
      expectSamePixels(theme, await widgetPixels(page), plain)
    })

    test('a keyboard-focused control inside renders pixel-identical too', async ({ page }) => {
      const focusFirstControl = async () => {
        await page.keyboard.press('Tab')
        await expect(page.locator(ELEMENT).locator(':focus-visible')).toHaveCount(1)
      }
      await openPage(page, null)
      await focusFirstControl()
      const plain = await widgetPixels(page)
      await openPage(page, theme)
      await focusFirstControl()
      expectSamePixels(`${theme} (focused)`, await widgetPixels(page), plain)
    })
  })
}
