/**
 * The bench's Chromium: the launch options every Playwright run here uses (test/support/chromium.ts),
 * without the address bar's WebUI popup. `benchmark.spec.ts` reads the browser's command line back
 * and stops when its `--disable-features` holds anything else (Chromium keeps only the last such
 * switch, and a Playwright upgrade may change its own list).
 */
export { CHROMIUM_LAUNCH_OPTIONS as BENCH_LAUNCH_OPTIONS, DISABLE_FEATURES_SWITCH as BENCH_DISABLE_FEATURES_SWITCH } from '../support/chromium.ts'
