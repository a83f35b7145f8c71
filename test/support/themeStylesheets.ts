import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { ThemeName } from './themeNames.ts'

export { isThemeName, THEME_NAMES, type ThemeName } from './themeNames.ts'

/**
 * Real, published theme stylesheets for the theme tests (issue 14, point 3), read from the dev
 * dependencies in node_modules (nothing third-party is copied into the repo), plus one Dawn-like
 * page of our own. Node only: the e2e storefront server serves them under `/themes/<name>.css`
 * and the vitest browser project reads them through the `themeStylesheet` command.
 */
const require = createRequire(import.meta.url)
const DAWN_LIKE = fileURLToPath(new URL('./themes/dawn-like.css', import.meta.url))

export async function themeStylesheet(name: ThemeName): Promise<string> {
  switch (name) {
    case 'bootstrap':
      // Bootstrap 5's full dist/css (reboot, grid, components, utilities).
      return readFile(require.resolve('bootstrap/dist/css/bootstrap.css'), 'utf8')
    case 'normalize':
      return readFile(require.resolve('normalize.css/normalize.css'), 'utf8')
    case 'tailwind-preflight':
      return tailwindPreflight()
    case 'dawn-like':
      return readFile(DAWN_LIKE, 'utf8')
  }
}

let preflight: Promise<string> | undefined

/**
 * Tailwind 4 ships preflight.css as a source that uses `--theme(…)`, which only its compiler
 * understands; a page gets the compiled output. So compile `theme` + `preflight` (what
 * `@import "tailwindcss"` puts in a page, less the utilities no page markup here would use) with
 * Tailwind's own compiler.
 */
function tailwindPreflight(): Promise<string> {
  preflight ??= (async () => {
    // Loaded here, not at the top: vite.config.ts imports this module for every build and run.
    const { compile } = await import('tailwindcss')
    const { build } = await compile(
      '@layer theme, base;\n@import "tailwindcss/theme.css" layer(theme);\n@import "tailwindcss/preflight.css" layer(base);',
      {
        base: fileURLToPath(new URL('.', import.meta.url)),
        async loadStylesheet(id: string, base: string) {
          const path = require.resolve(id)
          return { path, base, content: await readFile(path, 'utf8') }
        },
      },
    )
    return build([])
  })()
  return preflight
}
