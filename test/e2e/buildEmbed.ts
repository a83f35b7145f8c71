import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Playwright global setup: the tests load the BUILT embed, so build it when dist/embed is missing
 * or older than the source. `npm run test:e2e` builds first anyway; this covers `npm test` and a
 * bare `npx playwright test`, so nobody tests a stale bundle by accident.
 */
export default function buildEmbedIfStale(): void {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  const outputs = ['referral-history.js', `referral-history@${version}.js`, `referral-history.main@${version}.js`].map((name) =>
    join(ROOT, 'dist/embed', name),
  )
  const inputs = [join(ROOT, 'package.json'), join(ROOT, 'vite.config.ts'), ...filesUnder(join(ROOT, 'src'))]
  const built = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0
  const changed = Math.max(...inputs.map((file) => statSync(file).mtimeMs))
  if (built > changed) return
  console.log('[e2e] dist/embed is missing or older than the source: npm run build:embed')
  execFileSync('npm', ['run', 'build:embed'], { cwd: ROOT, stdio: 'inherit' })
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}
