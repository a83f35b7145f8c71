/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { chromiumExecutable, CHROMIUM_FLAGS } from './test/support/chromium.ts'
import { devServerPlugin } from './src/demo/devServerPlugin.ts'
import { emulateMedia } from './test/a11y/support/emulateMediaCommand.ts'
import { themeStylesheetCommand } from './test/support/themeStylesheetCommand.ts'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import packageJson from './package.json' with { type: 'json' }

/** `__VERSION__` for src/version.ts, in every build and in dev/test (one source: package.json). */
const VERSION_DEFINE = { __VERSION__: JSON.stringify(packageJson.version) }

// One config for the demo (dev server), the library builds and every Vitest project.
// `vite build --mode lib` builds the npm package, `vite build --mode embed` the script-tag embed.
export default defineConfig(({ mode }) => {
  if (mode === 'lib') return libBuild()
  if (mode === 'embed' || mode === 'embed-loader') return embedBuild(mode)
  return devAndTest()
})

/**
 * npm package: ESM into dist/esm (`index.js` for the browser, `server.js` for Node), every
 * dependency and peer external so the host app resolves one copy of each. Unminified: the host's
 * bundler minifies, and stack traces stay readable. The widget CSS is inlined as a string
 * (`?inline`, adopted into the shadow root) and also emitted as `styles.css` for light-DOM hosts.
 */
function libBuild(): UserConfig {
  const externalPackages = [
    ...Object.keys(packageJson.dependencies ?? {}),
    ...Object.keys(packageJson.peerDependencies ?? {}),
  ]
  const isExternal = (id: string) =>
    id.startsWith('node:') || externalPackages.some((name) => id === name || id.startsWith(`${name}/`))
  return {
    plugins: [react(), emitWidgetStylesheet(), emitDeclarations()],
    publicDir: false,
    define: VERSION_DEFINE,
    build: {
      outDir: 'dist/esm',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      // The widget's CSS is a string in index.js (adopted into the shadow root): no bundler of the
      // host's minifies a string, so it ships minified (its comments were a third of it). The
      // `./styles.css` export keeps the commented source.
      cssMinify: true,
      sourcemap: false,
      lib: {
        entry: { index: 'src/index.ts', server: 'src/server/index.ts' },
        formats: ['es'],
      },
      rolldownOptions: {
        external: isExternal,
        // src/index.ts starts with 'use client' and the entry keeps its directive, so React Server
        // Components treat the widget as a client component; test/package/check-build-output.mjs
        // checks that it is still the first line of index.js and absent from server.js.
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  }
}

/**
 * Declarations into dist/types with `tsc -p tsconfig.build.json` (TS 7's native tsc; no dts plugin
 * works with it), run by the lib build so the JS and its types cannot drift apart. The source
 * imports without extensions (bundler resolution), but a consumer on `moduleResolution: node16`
 * resolves our ESM `.d.ts` files strictly, so relative specifiers get their `.js` / `/index.js`.
 */
function emitDeclarations(): Plugin {
  const typesDir = fileURLToPath(new URL('./dist/types/', import.meta.url))
  return {
    name: 'bubblehouse-emit-declarations',
    apply: 'build',
    closeBundle() {
      rmSync(typesDir, { recursive: true, force: true })
      execFileSync(process.execPath, [fileURLToPath(new URL('./node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
        stdio: 'inherit',
      })
      for (const file of readdirSync(typesDir, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.d.ts')) continue
        const path = join(typesDir, file)
        const withExtensions = readFileSync(path, 'utf8').replace(
          /(from\s+|import\()(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g,
          (_match, lead: string, quote: string, specifier: string) => {
            const target = resolve(dirname(path), specifier)
            const resolved = existsSync(`${target}.d.ts`)
              ? `${specifier}.js`
              : existsSync(join(target, 'index.d.ts'))
                ? `${specifier.replace(/\/$/, '')}/index.js`
                : null
            if (!resolved) throw new Error(`[lib build] ${file}: cannot resolve "${specifier}" to a declaration file`)
            return `${lead}${quote}${resolved}${quote}`
          },
        )
        writeFileSync(path, withExtensions)
      }
    },
  }
}

/** Copies the widget stylesheet to dist/esm/styles.css (the `./styles.css` export). */
function emitWidgetStylesheet(): Plugin {
  return {
    name: 'bubblehouse-emit-widget-stylesheet',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(new URL('./src/views/styles/referral-history.css', import.meta.url), 'utf8')
      this.emitFile({ type: 'asset', fileName: 'styles.css', source })
    },
  }
}

/**
 * The embed's runtime (see embedBuild): React's entry points served by Preact's compat layer. The
 * real @tanstack/react-query runs on it (its `react` import resolves here too). The unit-embed
 * test project uses the same.
 */
const EMBED_RUNTIME_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react(-dom)?$/, replacement: 'preact/compat' },
]

/**
 * Script-tag embed into dist/embed, two builds (one entry and format each):
 * - `--mode embed`: the main chunk `referral-history.main@<version>.js`, ESM so the loader can
 *   `import()` it under `script-src 'self'`; Preact (as React), @tanstack/react-query and the
 *   widget bundled.
 * - `--mode embed-loader`: the loader `referral-history.js` (IIFE) plus an identical pinned copy
 *   `referral-history@<version>.js`. It names the main chunk of its own version.
 * `process.env.NODE_ENV` must be defined: without it the bundle carries development React and
 * throws `process is not defined` in the browser. `npm run build:embed` runs both.
 */
function embedBuild(mode: 'embed' | 'embed-loader'): UserConfig {
  const version = packageJson.version
  const loader = mode === 'embed-loader'
  const fileName = loader ? 'referral-history.js' : `referral-history.main@${version}.js`
  return {
    plugins: loader ? [emitPinnedLoaderCopy(`referral-history@${version}.js`)] : [react()],
    // Weight (BENCHMARKS.md): the embed renders with Preact through preact/compat (~5 KB) instead
    // of React + react-dom (~66 KB), and runs the real @tanstack/react-query (~10 KB) on it, the
    // same data layer as the npm package (a hand-written subset saved 9 KB and drifted from the
    // library it copied; issue 16). The widget uses only
    // hooks, memo, one error-boundary class and createRoot/createPortal, which compat covers. The
    // npm package keeps React and react-query (the host's own copies). Every e2e test loads this
    // build, so the Preact widget is what they check in Chromium; the unit-embed vitest project
    // runs the view and embed tests on the same runtime.
    resolve: { alias: EMBED_RUNTIME_ALIASES },
    publicDir: false,
    define: { ...VERSION_DEFINE, 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: 'dist/embed',
      // The main build runs first and starts from an empty folder; the loader build adds to it.
      emptyOutDir: !loader,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: loader
        ? { entry: 'src/embed/loader.ts', formats: ['iife'], name: 'BubblehouseReferralHistoryLoader', fileName: () => fileName }
        : { entry: 'src/embed/main.ts', formats: ['es'], fileName: () => fileName },
      // Library mode keeps ESM output unminified (for the host's bundler); this file ships as is.
      // Locale catalogues stay separate chunks, imported on demand relative to the main chunk.
      // `comments: false`: the minifier otherwise keeps ~200 `/* @__PURE__ */` annotations (~220 B
      // gzip) that no one downstream reads; this file ships as is.
      rolldownOptions: { output: { minify: true, comments: false, chunkFileNames: 'referral-history.[name]-[hash].js' } },
    },
  }
}

/** Writes the loader a second time under its versioned name (same bytes, long-cacheable). */
function emitPinnedLoaderCopy(pinnedName: string): Plugin {
  return {
    name: 'bubblehouse-embed-pinned-loader',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry)
      if (chunk?.type !== 'chunk') throw new Error('[embed build] no loader entry chunk to copy')
      this.emitFile({ type: 'asset', fileName: pinnedName, source: chunk.code })
    },
  }
}

/** All projects run at once on CI's 2 cores, and the first import of the widget in a fresh worker
 * pays the whole transform: the timeout only catches hangs (nothing asserts on speed). */
const TEST_TIMEOUT_MS = 20_000

/** Vitest hands jsdom tests CSS imports as empty strings; the shadow root's host sheet is kept, so
 * the `<style>` fallback jsdom gets (it has no adoptedStyleSheets) holds the real `:host` rules. */
const UNIT_CSS = { include: [/src\/views\/styles\/shadow-host\.css/] }

function devAndTest(): UserConfig {
  return {
  plugins: [react(), devServerPlugin()],
  define: VERSION_DEFINE,
  test: {
    projects: [
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
            ...EMBED_RUNTIME_ALIASES,
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
            'test/reliability/{faults,injection,privacy,tokenHygiene}.test.tsx',
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
              launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS },
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
              launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
}
}
