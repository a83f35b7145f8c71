import { existsSync } from 'node:fs'

/**
 * Flags that let Debian's chromium run headless as root on a machine with no outside network
 * (background networking would otherwise hammer closed ports).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/**
 * The Chromium the browser tests drive: $CHROME_PATH, then a system install. Returns undefined
 * when none is found so Playwright falls back to a browser it downloaded itself (if any);
 * `test/support/ensure-chromium.mjs` runs before the suite and provisions or explains.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  return CANDIDATES.find((candidate) => existsSync(candidate))
}
