import { CHROMIUM_FLAGS, chromiumExecutable } from '../support/chromium.ts'

/**
 * Playwright's own `--disable-features` list (playwright-core 1.65, `chromiumSwitches.ts`).
 * Chromium keeps only the last `--disable-features` of its command line, so the bench drops
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
 * window, headless too (Puppeteer disables both features by default since its PR #15278). Each of
 * the bench's pages opens in a new context, that is a new window: in Chromium traces of the phone
 * profile a "WebUI Top Renderer" process used 575–741 ms of CPU during about half of the page
 * loads, beside the measured page's 690–944 ms, on this 2-core machine. A shopper's page does not
 * share its CPU with a popup being rebuilt for each tab.
 */
export const BENCH_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']

export const BENCH_DISABLE_FEATURES_SWITCH = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BENCH_DISABLED_FEATURES].join(',')}`

export const BENCH_LAUNCH_OPTIONS = {
  executablePath: chromiumExecutable(),
  args: [...CHROMIUM_FLAGS, BENCH_DISABLE_FEATURES_SWITCH],
  ignoreDefaultArgs: [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`],
}
