import { defineConfig } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium.ts'

/** Port of the static server for the built Storybook (override with STORYBOOK_STATIC_PORT). */
export const STORYBOOK_STATIC_PORT = Number(process.env.STORYBOOK_STATIC_PORT ?? 6116)

/**
 * `npm run storybook:screenshots`: opens every story of the built Storybook (storybook-static/,
 * from `npm run build-storybook`) in Debian's Chromium, waits until it has finished (render, play
 * function, accessibility check), writes one PNG per story to test-results/storybook-screenshots/
 * and fails when a story errors. For visual review: nothing is compared pixel by pixel.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  outputDir: '../../test-results/storybook-screenshots-run',
  globalSetup: './prepareScreenshotRun.ts',
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  reporter: 'list',
  webServer: {
    command: `node test/storybook/serveStorybookStatic.mjs storybook-static ${STORYBOOK_STATIC_PORT}`,
    cwd: '../..',
    url: `http://127.0.0.1:${STORYBOOK_STATIC_PORT}/index.json`,
    reuseExistingServer: false,
    timeout: 15_000,
  },
  use: {
    baseURL: `http://127.0.0.1:${STORYBOOK_STATIC_PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    viewport: { width: 1024, height: 768 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    // Review pictures show the light scheme unless a story picks a theme itself.
    colorScheme: 'light',
  },
})
