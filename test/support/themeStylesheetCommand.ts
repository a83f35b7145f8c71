import type { BrowserCommand } from 'vitest/node'
import { isThemeName, themeStylesheet } from './themeStylesheets.ts'

/**
 * A Vitest browser command (runs in Node) that returns a theme stylesheet's text from
 * node_modules (test/support/themeStylesheets.ts), so the npm component's theme tests put the real
 * published CSS on the test page. Registered as `themeStylesheet` in the browser project.
 */
export const themeStylesheetCommand: BrowserCommand<[name: string], string> = async (_context, name) => {
  if (!isThemeName(name)) throw new Error(`themeStylesheet: unknown theme "${name}"`)
  return themeStylesheet(name)
}
