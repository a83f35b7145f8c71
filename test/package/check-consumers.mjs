// `npm run check:consumers`: packs the package the way npm publishes it, installs the tarball into
// throwaway React 18 and React 19 apps, and checks each as a merchant would use it:
//   1. `tsc` over a usage of every public prop and the `/server` route (strict, skipLibCheck false),
//   2. `/server` in Node mints a well-formed customer token,
//   3. `react-dom/server` renders the widget in plain Node,
//   4. Vite builds the app, and the browser bundle holds no server code.
// Prints PASS/FAIL per React major and exits 1 on any failure. Builds first if dist/ is missing.
// KEEP_CONSUMERS=1 keeps the temp apps for a look; CONSUMER_INSTALL_FLAGS adds npm install flags.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const template = join(repo, 'test/package/consumer')
const ownPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))

/**
 * One app per supported React major. The React 18 app also pins the oldest versions the package
 * claims to support (react-query's peer floor, TypeScript 5), the React 19 app the newest.
 */
const MATRIX = [
  {
    name: 'React 18',
    dependencies: { react: '^18', 'react-dom': '^18', '@tanstack/react-query': floorOf(ownPackage.peerDependencies['@tanstack/react-query']) },
    devDependencies: { '@types/react': '^18', '@types/react-dom': '^18', typescript: '^5.9' },
  },
  {
    name: 'React 19',
    dependencies: { react: '^19', 'react-dom': '^19', '@tanstack/react-query': '^5' },
    devDependencies: { '@types/react': '^19', '@types/react-dom': '^19', typescript: ownPackage.devDependencies.typescript },
  },
]
const SHARED_DEV_DEPENDENCIES = { vite: ownPackage.devDependencies.vite, '@vitejs/plugin-react': ownPackage.devDependencies['@vitejs/plugin-react'] }

/** `^5.0.0` → `5.0.0`: the lowest version a range admits. */
function floorOf(range) {
  const match = /(\d+\.\d+\.\d+)/.exec(range ?? '')
  if (!match) throw new Error(`cannot find the floor of peer range "${range}"`)
  return match[1]
}

/** Runs a command; resolves with its combined output, rejects with it on a non-zero exit. */
function run(command, args, cwd, log) {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now()
    const child = spawn(command, args, { cwd, env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      log.push(`  $ ${command} ${args.join(' ')}  (${seconds} s, exit ${code})`)
      if (code === 0) resolvePromise(output)
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.trim()}`))
    })
  })
}

async function packTarball(destination) {
  if (!existsSync(join(repo, 'dist/esm/index.js')) || !existsSync(join(repo, 'dist/types/index.d.ts'))) {
    console.log('dist/ is missing: running `npm run build` first')
    await run('npm', ['run', 'build'], repo, [])
  }
  const output = await run('npm', ['pack', '--json', '--pack-destination', destination], repo, [])
  const [packed] = JSON.parse(output.slice(output.indexOf('[')))
  return { file: join(destination, packed.filename), size: packed.size, entries: packed.entryCount }
}

/** Copies the consumer template, dropping the `.template` suffix that keeps the repo's own tsc
 * from checking these files against a package that may not be built yet. */
function createApp(directory, entry, tarball) {
  cpSync(template, directory, { recursive: true })
  for (const file of readdirSync(directory, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.template')) renameSync(join(directory, file), join(directory, file.slice(0, -'.template'.length)))
  }
  const manifest = {
    name: `consumer-${entry.name.toLowerCase().replace(/\W+/g, '-')}`,
    private: true,
    type: 'module',
    dependencies: { ...entry.dependencies, 'bubblehouse-referral-history': `file:${tarball}` },
    devDependencies: { ...SHARED_DEV_DEPENDENCIES, ...entry.devDependencies },
  }
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}

async function checkConsumer(entry, tarball, root) {
  const directory = join(root, entry.name.toLowerCase().replace(/\W+/g, '-'))
  const log = []
  const failures = []
  const started = Date.now()
  /** One check: a failure is logged and the next check still runs, so one report shows them all. */
  const step = async (name, check) => {
    try {
      const note = await check()
      log.push(`  ok   ${name}${note ? `: ${note}` : ''}`)
    } catch (error) {
      failures.push(name)
      log.push(`  FAIL ${name}: ${String(error instanceof Error ? error.message : error).trim().replaceAll('\n', '\n    ')}`)
    }
  }
  try {
    createApp(directory, entry, tarball)
    const extraFlags = (process.env.CONSUMER_INSTALL_FLAGS ?? '').split(' ').filter(Boolean)
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', ...extraFlags], directory, log)
  } catch (error) {
    log.push(`  FAIL install: ${String(error instanceof Error ? error.message : error).replaceAll('\n', '\n    ')}`)
    return { entry, ok: false, log, seconds: (Date.now() - started) / 1000 }
  }
  const versions = ['react', '@types/react', '@tanstack/react-query', 'typescript'].map((name) => {
    const installed = JSON.parse(readFileSync(join(directory, 'node_modules', name, 'package.json'), 'utf8'))
    return `${name}@${installed.version}`
  })
  log.push(`  installed ${versions.join(', ')}`)

  await step('type-check every prop and the /server route (strict, skipLibCheck false)', async () => {
    await run(process.execPath, [join(directory, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], directory, log)
  })
  await step('mint a token with /server in Node', async () => (await run(process.execPath, ['mint-token.mjs'], directory, log)).trim())
  await step('render with react-dom/server in Node', async () => (await run(process.execPath, ['ssr-render.mjs'], directory, log)).trim())
  await step('vite build of the app', async () => {
    await run(process.execPath, [join(directory, 'node_modules/vite/bin/vite.js'), 'build'], directory, log)
    const assets = join(directory, 'dist/assets')
    const bundle = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(assets, file), 'utf8'))
      .join('\n')
    if (/SignJWT|mintCustomerToken/.test(bundle)) throw new Error('the browser bundle contains the server helper')
    if (!bundle.includes('bh-rh')) throw new Error('the browser bundle does not contain the widget')
    return `${(bundle.length / 1024).toFixed(0)} kB of JS, no server code`
  })
  return { entry, ok: failures.length === 0, log, seconds: (Date.now() - started) / 1000 }
}

const started = Date.now()
const root = mkdtempSync(join(tmpdir(), 'bh-rh-consumers-'))
let failed = true
try {
  const tarball = await packTarball(root)
  console.log(`packed ${tarball.file} (${(tarball.size / 1024).toFixed(1)} kB, ${tarball.entries} files)`)
  // The two apps install and build side by side: npm's cache is safe to share.
  const results = await Promise.all(MATRIX.map((entry) => checkConsumer(entry, tarball.file, root)))
  for (const result of results) {
    console.log(`\n${result.ok ? 'PASS' : 'FAIL'} ${result.entry.name} consumer (${result.seconds.toFixed(1)} s)`)
    console.log(result.log.join('\n'))
  }
  failed = results.some((result) => !result.ok)
  const summary = results.map((result) => `${result.entry.name} ${result.ok ? 'passed' : 'FAILED'}`).join(', ')
  console.log(`\ncheck:consumers: ${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} catch (error) {
  console.error(`check:consumers could not run: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  if (process.env.KEEP_CONSUMERS === '1') console.log(`kept the consumer apps in ${root}`)
  else rmSync(root, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
