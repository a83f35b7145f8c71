import { AxeBuilder } from '@axe-core/playwright'
import { mintMockCustomerToken } from '../../src/mock-api/credentials'
import { E2E_API_BASE } from './storefrontServer'
import { addWidget, ELEMENT, expect, test, widgetIn } from './fixtures'

const MOCK_API = { shop: 'demo-shop', 'api-base-url': E2E_API_BASE }

// The stories and test/a11y cover every state in both themes and directions; this proves the same
// for the built script-tag embed, inside its shadow root, on a real page.
for (const theme of ['light', 'dark'] as const) {
  for (const locale of ['en-US', 'ar']) {
    test(`the embed in the ${theme} theme, ${locale} (${locale === 'ar' ? 'rtl' : 'ltr'}) has no axe violations`, async ({ page }) => {
      await page.goto('/blank.html')
      await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical'), theme, locale, currency: 'EUR' })
      const widget = widgetIn(page.locator(ELEMENT))
      await expect(widget).toHaveAttribute('data-state', 'ready')
      await expect(widget).toHaveAttribute('data-theme', theme)
      await expect(widget).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr')

      const results = await new AxeBuilder({ page }).include(ELEMENT).analyze()
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
      expect(results.passes.length).toBeGreaterThan(5)
    })
  }
}
