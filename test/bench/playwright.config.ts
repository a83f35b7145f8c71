import { defineConfig } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium.ts'

/**
 * The performance benchmark of issue 5 (`npm run bench`, `npm run bench:smoke`): one long test
 * that builds the bundles, measures every figure in Debian's headless Chromium and prints the
 * table. Not part of `npm test`: it measures, it does not assert behaviour.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'benchmark.spec.ts',
  outputDir: '../../test-results/bench/playwright',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 300_000,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
})
