import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Rolldown } from 'vite'

// Loading vite.config.ts through the build API prints a long note about Vite's future config loader.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Everything the benchmark builds lives here, never in dist/ (other runs may be reading it). */
export const BENCH_OUT = join(ROOT, 'test-results/bench')
export const EMBED_OUT = join(BENCH_OUT, 'embed')
export const PAGES_OUT = join(BENCH_OUT, 'pages')

export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
export const LOADER_FILE = 'referral-history.js'
export const MAIN_FILE = `referral-history.main@${PACKAGE_VERSION}.js`

export interface BundleSizes {
  /** gzip -9 bytes of the loader stub (`referral-history.js`). */
  loaderGzip: number
  /** gzip -9 bytes of the main chunk (React, react-dom, the widget; default locale). */
  mainGzip: number
  mainRaw: number
  /** gzip -9 bytes of React + react-dom alone, built with the embed's settings (the floor). */
  floorGzip: number
  floorRaw: number
}

/** gzip at level 9, as size-limit and `gzip -9` measure. */
export function gzipBytes(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).length
}

/**
 * Builds, in this run and with the project's own vite.config.ts, the script-tag embed (both
 * modes of `npm run build:embed`, into test-results/bench/embed), the React + react-dom floor
 * with the same output settings, and the StrictMode page of the npm component. Returns sizes.
 */
export async function buildBundles(): Promise<BundleSizes> {
  rmSync(BENCH_OUT, { recursive: true, force: true })
  const configFile = join(ROOT, 'vite.config.ts')
  await build({ root: ROOT, configFile, mode: 'embed', logLevel: 'warn', build: { outDir: EMBED_OUT, emptyOutDir: true } })
  await build({ root: ROOT, configFile, mode: 'embed-loader', logLevel: 'warn', build: { outDir: EMBED_OUT, emptyOutDir: false } })

  const floor = await buildFloor()
  await buildStrictModePage()

  const embedFiles = new Set(readdirSync(EMBED_OUT))
  for (const name of [LOADER_FILE, MAIN_FILE]) {
    if (!embedFiles.has(name)) throw new Error(`[bench] the embed build did not write ${name} (found: ${[...embedFiles].join(', ')})`)
  }
  const main = readFileSync(join(EMBED_OUT, MAIN_FILE))
  return {
    loaderGzip: gzipBytes(readFileSync(join(EMBED_OUT, LOADER_FILE))),
    mainGzip: gzipBytes(main),
    mainRaw: main.length,
    floorGzip: gzipBytes(floor),
    floorRaw: Buffer.byteLength(floor),
  }
}

/** React + react-dom only, with the embed's output settings: ESM, es2022, minified, production. */
async function buildFloor(): Promise<string> {
  const result = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: join(ROOT, 'test/bench/fixtures/reactFloorEntry.ts'), formats: ['es'], fileName: () => 'react-floor.js' },
      rolldownOptions: { output: { minify: true } },
    },
  })
  const chunk = outputsOf(result).find((item): item is Rolldown.OutputChunk => item.type === 'chunk' && item.isEntry)
  if (!chunk) throw new Error('[bench] the React floor build produced no entry chunk')
  return chunk.code
}

/**
 * The npm component under React.StrictMode, for the request-count figure. A development build on
 * purpose: StrictMode double-mounts only in development React.
 */
async function buildStrictModePage(): Promise<void> {
  const { default: react } = await import('@vitejs/plugin-react')
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [react()],
    mode: 'development',
    define: { 'process.env.NODE_ENV': '"development"', __VERSION__: JSON.stringify(PACKAGE_VERSION) },
    build: {
      outDir: PAGES_OUT,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: join(ROOT, 'test/bench/fixtures/strictModePage.tsx'), formats: ['es'], fileName: () => 'strict-mode-page.js' },
    },
  })
}

type BuildResult = Awaited<ReturnType<typeof build>>

function outputsOf(result: BuildResult): (Rolldown.OutputChunk | Rolldown.OutputAsset)[] {
  const list = Array.isArray(result) ? result : [result]
  return list.flatMap((item) => ('output' in item ? item.output : []))
}
