#!/usr/bin/env node
// Finds a Chromium for the browser tests, or provisions one, or fails saying what to install.
// Order: $CHROME_PATH, Debian's /usr/bin/chromium, a browser Playwright already downloaded; then
// `apt-get install chromium` when running as root on Debian (browser downloads are blocked on our
// machines), then Playwright's own download. Browser tests are never skipped silently.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

async function playwrightDownloaded() {
  try {
    const { chromium } = await import('playwright')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

export async function findChromium() {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    console.warn(`[ensure-chromium] CHROME_PATH=${fromEnv} does not exist; looking elsewhere.`)
  }
  return SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? (await playwrightDownloaded())
}

function tryApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false
  console.log('[ensure-chromium] No Chromium found: installing Debian\'s chromium with apt-get (about 30 s)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  if (update.status !== 0) return false
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  return install.status === 0
}

function tryPlaywrightDownload() {
  console.log('[ensure-chromium] Trying Playwright\'s browser download (npx playwright install chromium)…')
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 })
    return true
  } catch {
    return false
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`
if (isMain) {
  let path = await findChromium()
  if (!path && (tryApt() || tryPlaywrightDownload())) path = await findChromium()
  if (!path) {
    console.error(
      '[ensure-chromium] The browser tests need Chromium and none could be found or installed.\n' +
        '  Debian/Ubuntu:  sudo apt-get install chromium\n' +
        '  macOS/other:    npx playwright install chromium\n' +
        '  Or point CHROME_PATH at a Chrome/Chromium binary.',
    )
    process.exit(1)
  }
  console.log(`[ensure-chromium] Using ${path}`)
}
