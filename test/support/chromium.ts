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

/**
 * Playwright's own `--disable-features` list (playwright-core 1.65, `chromiumSwitches.ts`).
 * Chromium keeps only the last `--disable-features` of its command line, so every run here drops
 * Playwright's switch (`ignoreDefaultArgs`, an exact match) and passes this list with its own
 * names in one switch. `benchmark.spec.ts` reads the browser's command line back and stops when it
 * holds anything else (a Playwright upgrade that changed the list).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]

/**
 * Chromium 151+ builds the address bar's popup as a WebUI page and preloads it for every new
 * window, headless too (Puppeteer disables both features by default since its PR #15278). Every
 * test and bench page opens in a new context, that is a new window: in Chromium traces of the
 * bench's phone profile a "WebUI Top Renderer" process used 575–741 ms of CPU during about half of
 * the page loads, beside the measured page's 690–944 ms, on this 2-core machine. A shopper's page
 * does not share its CPU with a popup being rebuilt for each tab, and a test should not either.
 */
export const NO_WEBUI_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']

export const DISABLE_FEATURES_SWITCH = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NO_WEBUI_POPUP_FEATURES].join(',')}`

/** How every Playwright run here launches Chromium: the flags above, and Playwright's own
 * `--disable-features` replaced by one that also names the WebUI popup. */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: chromiumExecutable(),
  args: [...CHROMIUM_FLAGS, DISABLE_FEATURES_SWITCH],
  ignoreDefaultArgs: [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`],
}
