import type { Alias } from 'vite'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { emulateMedia } from './a11y/support/emulateMediaCommand.ts'
import { CHROMIUM_LAUNCH_OPTIONS } from './support/chromium.ts'
import { themeStylesheetCommand } from './support/themeStylesheetCommand.ts'

/**
 * The Vitest projects (`npx vitest run --project <name>`; `npm test` runs them all): unit (jsdom,
 * React), unit-embed (the same tests on the embed's Preact runtime), ssr (Node), browser (Chromium)
 * and storybook (every story in Chromium). vite.config.ts hands them the embed's runtime aliases.
 */

/** All projects run at once on CI's 2 cores, and the first import of the widget in a fresh worker
 * pays the whole transform: the timeout only catches hangs (nothing asserts on speed). */
const TEST_TIMEOUT_MS = 20_000

/** Vitest hands jsdom tests CSS imports as empty strings; the shadow root's host sheet is kept, so
 * the `<style>` fallback jsdom gets (it has no adoptedStyleSheets) holds the real `:host` rules. */
const UNIT_CSS = { include: [/src\/views\/styles\/shadow-host\.css/] }

export function vitestProjects({ embedRuntimeAliases }: { embedRuntimeAliases: Alias[] }): TestProjectInlineConfiguration[] {
  return [
    {
      extends: true,
      test: {
        name: 'unit',
        testTimeout: TEST_TIMEOUT_MS,
        environment: 'jsdom',
        css: UNIT_CSS,
        globals: true,
        setupFiles: ['./test/support/setup-unit.ts'],
        include: ['test/**/*.test.{ts,tsx}'],
        exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.ssr.test.{ts,tsx}', 'test/e2e/**'],
        typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
      },
    },
    {
      // The view, embed and query tests, the localised widget and the reliability tests again on
      // the embed's own runtime: Preact through preact/compat, aliased as in the embed build.
      // Preact commits and runs effects on its own schedule, so the progressive list, the state
      // reports and the mount are checked under it, not only under React. Testing Library and
      // react-query are bundled by Vite here, so they render through the same aliases.
      extends: true,
      resolve: {
        alias: [
          ...embedRuntimeAliases,
          { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
          { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
          // Its ES module build: the CommonJS one would `require` React itself, past the aliases.
          { find: /^@testing-library\/react$/, replacement: '@testing-library/react/dist/@testing-library/react.esm.js' },
        ],
      },
      test: {
        name: 'unit-embed',
        testTimeout: TEST_TIMEOUT_MS,
        environment: 'jsdom',
        css: UNIT_CSS,
        globals: true,
        setupFiles: ['./test/support/setup-unit.ts', './test/support/setup-embed-runtime.ts'],
        include: [
          'test/views/*.test.tsx',
          'test/embed/*.test.ts',
          'test/query/*.test.{ts,tsx}',
          'test/i18n/localisedWidget.test.tsx',
          'test/reliability/{faults,injection,privacy,tokenBoundaries,tokenHygiene}.test.tsx',
        ],
        exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.ssr.test.{ts,tsx}'],
        server: { deps: { inline: ['@testing-library/react', '@tanstack/react-query'] } },
      },
    },
    {
      extends: true,
      test: {
        name: 'ssr',
        testTimeout: TEST_TIMEOUT_MS,
        environment: 'node',
        include: ['test/**/*.ssr.test.{ts,tsx}'],
      },
    },
    {
      extends: true,
      // Optimised up front: a dependency discovered mid-run makes Vite re-bundle React while
      // tests hold the old copy, and the first run on a clean machine fails with "Invalid hook call".
      optimizeDeps: {
        include: ['react', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client', '@tanstack/react-query', '@testing-library/react', 'axe-core', 'jose', 'valibot'],
      },
      test: {
        name: 'browser',
        testTimeout: TEST_TIMEOUT_MS,
        globals: true,
        include: ['test/**/*.browser.test.{ts,tsx}'],
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          // prefers-color-scheme / prefers-reduced-motion for the theme and motion checks; the
          // published theme stylesheets (node_modules) for the theme-stylesheet tests.
          commands: { emulateMedia, themeStylesheet: themeStylesheetCommand },
          provider: playwright({
            launchOptions: CHROMIUM_LAUNCH_OPTIONS,
          }),
          instances: [{ browser: 'chromium' }],
        },
      },
    },
    {
      // Every story in stories/ as a test in Chromium: renders, play function, axe, console.
      extends: true,
      plugins: [storybookTest({ configDir: '.storybook' })],
      test: {
        name: 'storybook',
        testTimeout: 120_000,
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          provider: playwright({
            launchOptions: CHROMIUM_LAUNCH_OPTIONS,
          }),
          instances: [{ browser: 'chromium' }],
        },
      },
    },
  ]
}
