/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { devServerPlugin } from './src/demo/devServerPlugin.ts'
import { vitestProjects } from './test/vitestProjects.ts'
import packageJson from './package.json' with { type: 'json' }

/** `__VERSION__` for src/version.ts, in every build and in dev/test (one source: package.json). */
const VERSION_DEFINE = { __VERSION__: JSON.stringify(packageJson.version) }

// One config for the demo (dev server), the library builds and the Vitest projects (test/vitestProjects.ts).
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
      rolldownOptions: {
        output: {
          minify: true,
          comments: false,
          chunkFileNames: 'referral-history.[name]-[hash].js',
          // V8's explicit compile hint: compile every function of the main chunk eagerly, on a
          // background thread while it streams in, instead of lazily on the main thread the first
          // time each runs (the mount and first renders run most of them). BENCHMARKS.md figure 12.
          ...(loader ? {} : { postBanner: (chunk: { isEntry: boolean }) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : '') }),
        },
      },
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

/** The demo's dev server, and the Vitest projects (defined in test/vitestProjects.ts). */
function devAndTest(): UserConfig {
  return {
    plugins: [react(), devServerPlugin()],
    define: VERSION_DEFINE,
    test: { projects: vitestProjects({ embedRuntimeAliases: EMBED_RUNTIME_ALIASES }) },
  }
}

