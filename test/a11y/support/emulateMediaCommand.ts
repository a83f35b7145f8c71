import type { BrowserCommand } from 'vitest/node'

/** Media features the a11y tests switch, as Playwright names them. `null` resets one. */
export interface EmulatedMedia {
  colorScheme?: 'light' | 'dark' | null
  reducedMotion?: 'reduce' | 'no-preference' | null
  forcedColors?: 'active' | 'none' | null
}

/**
 * A Vitest browser command (runs in Node, next to Playwright) that emulates media features such as
 * `prefers-color-scheme` and `prefers-reduced-motion` for the test page and its frames, so
 * `theme="auto"` and the reduced-motion rules are checked in real Chromium, not asserted on CSS
 * text. Registered as `emulateMedia` in the browser project (vite.config.ts).
 */
export const emulateMedia: BrowserCommand<[media: EmulatedMedia]> = async (context, media) => {
  if (context.provider.name !== 'playwright') {
    throw new Error(`emulateMedia needs the Playwright provider, not "${context.provider.name}".`)
  }
  await context.page.emulateMedia(media)
}
