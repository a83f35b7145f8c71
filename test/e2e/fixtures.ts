import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { startStorefrontServer, type StorefrontServer } from './storefrontServer'

export { expect }

/** Tests get the storefront server (one per worker, reset before each test) as `baseURL`. */
export const test = base.extend<{ resetServer: void }, { server: StorefrontServer }>({
  server: [
    async ({}, use) => {
      const server = await startStorefrontServer()
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.origin),
  resetServer: [
    async ({ server }, use) => {
      server.reset()
      await use()
    },
    { auto: true },
  ],
})

export const ELEMENT = 'bubblehouse-referral-history'

/** The widget root (`.bh-rh`) inside an element's shadow root; locators pierce open shadow roots. */
export function widgetIn(host: Locator): Locator {
  return host.locator('.bh-rh')
}

/** Adds an element to the page's body with the given attributes. */
export async function addWidget(page: Page, attributes: Record<string, string>): Promise<void> {
  await page.evaluate(
    ({ name, attributes }) => {
      const element = document.createElement(name)
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
      document.body.append(element)
    },
    { name: ELEMENT, attributes },
  )
}

/** Collects uncaught page errors (window.onerror / unhandled rejections) for a test to check. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
  return errors
}
