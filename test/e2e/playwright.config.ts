import { defineConfig } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium.ts'

/**
 * End-to-end tests of the script-tag embed: the built files in dist/embed, loaded by <script> tags
 * from storefront pages served over real HTTP on 127.0.0.1 (see storefrontServer.ts, started per
 * worker by fixtures.ts), in Debian's Chromium. `npm run test:e2e`, or as part of `npm test`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './buildEmbed.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
  },
})
