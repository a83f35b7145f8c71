// Checks what publint and attw cannot see in the built package (run after `npm run build`):
// the browser entry keeps 'use client' and stays free of the Node-only server helper, every bare
// import is a declared dependency or peer, the version is injected, and the stylesheet is there.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const allowedPackages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]
const problems = []

/** Every file reachable from an entry through relative static and dynamic imports. */
function moduleGraph(entry) {
  const seen = new Map()
  const visit = (file) => {
    if (seen.has(file)) return
    const code = readFileSync(file, 'utf8')
    seen.set(file, code)
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else if (!allowedPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
        problems.push(`${file}: imports "${specifier}", which is neither a dependency nor a peer`)
      }
    }
  }
  visit(entry)
  return seen
}

const browserEntry = join(root, 'dist/esm/index.js')
const serverEntry = join(root, 'dist/esm/server.js')
for (const file of [browserEntry, serverEntry, join(root, 'dist/esm/styles.css'), join(root, 'dist/types/index.d.ts'), join(root, 'dist/types/server/index.d.ts')]) {
  if (!existsSync(file)) problems.push(`missing ${file}: run \`npm run build\` first`)
}

if (problems.length === 0) {
  const browser = moduleGraph(browserEntry)
  const firstLine = browser.get(browserEntry).split('\n', 1)[0].trim()
  if (!/^["']use client["'];?$/.test(firstLine)) {
    problems.push(`dist/esm/index.js must start with 'use client' (React Server Components), starts with: ${firstLine}`)
  }
  for (const [file, code] of browser) {
    if (/\bSignJWT\b|\bmintCustomerToken\b/.test(code)) problems.push(`${file}: the server helper leaked into the browser entry`)
    if (/from\s*["']node:/.test(code)) problems.push(`${file}: a node: builtin in the browser entry`)
  }
  if (!browser.get(browserEntry).includes(`var VERSION = ${JSON.stringify(pkg.version)}`)) {
    problems.push(`dist/esm/index.js: VERSION is not the injected package version ${pkg.version}`)
  }
  const server = moduleGraph(serverEntry)
  if (/["']use client["']/.test(server.get(serverEntry))) problems.push("dist/esm/server.js must not be marked 'use client'")
  // A .d.ts that names a package the consumer may not have (e.g. @tanstack/query-core, which
  // pnpm does not hoist) breaks type-checking with skipLibCheck: false.
  for (const file of readdirSync(join(root, 'dist/types'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.d.ts')) continue
    const code = readFileSync(join(root, 'dist/types', file), 'utf8')
    for (const [, specifier] of code.matchAll(/(?:from\s+|import\()["']([^"'.][^"']*)["']/g)) {
      const problem = `dist/types/${file}: names "${specifier}", which is neither a dependency nor a peer (give the export an explicit type)`
      if (!allowedPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`)) && !problems.includes(problem)) {
        problems.push(problem)
      }
    }
  }
  const css = readFileSync(join(root, 'dist/esm/styles.css'), 'utf8')
  if (!css.includes('.bh-rh')) problems.push('dist/esm/styles.css does not hold the widget styles')
}

if (problems.length > 0) {
  console.error(`check-build-output: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log('check-build-output: ok (use client, no server code or node: builtins in the browser entry, version, styles.css)')
