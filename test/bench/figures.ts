import type { Browser, Page } from '@playwright/test'
import type { BenchServer } from './benchServer'
import { BENCH_API_BASE } from './benchServer'
import { ELEMENT, LOADER_URL, MAIN_URL, pageContent, READY_EVENT, storefrontPage, widgetTag } from './benchPages'
import { BENCH_SHOP, benchToken, type BenchCustomer } from './fixtures/benchCustomers'
import { customerReferralsInit, customerReferralsUrl } from '../../src/api/customerReferralsRequest'

/**
 * One function per runtime figure of issue 5. Each opens fresh pages in a fresh context of the
 * shared browser (an empty cache), so no run warms the next.
 */
export interface Bench {
  browser: Browser
  server: BenchServer
  /** The device the pages run on: this machine as it is, or a mid-range phone (issue 18). */
  profile?: DeviceProfile
}

/** A slower device, emulated through CDP on every page the figures open. */
export interface DeviceProfile {
  name: string
  /** `Emulation.setCPUThrottlingRate`: the main thread runs this many times slower. */
  cpuThrottle: number
  /** Added to every request's round trip: `Network.emulateNetworkConditions` latency (a minimum
   * time to the first byte), and on top of the bench server's own wait where it holds a response. */
  rttMs: number
}

/** Issue 18's mid-range phone: a CPU four times slower than this machine, 150 ms round trips. */
export const MID_RANGE_PHONE: DeviceProfile = { name: 'mid-range phone', cpuThrottle: 4, rttMs: 150 }

const VIEWPORT = { width: 1280, height: 800 }

async function withPage<T>(bench: Bench, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await bench.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' })
  const page = await context.newPage()
  if (bench.profile) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: bench.profile.cpuThrottle })
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: bench.profile.rttMs, downloadThroughput: -1, uploadThroughput: -1 })
  }
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
  try {
    const result = await run(page)
    if (errors.length > 0) throw new Error(`[bench] the page threw: ${errors.join('; ')}`)
    return result
  } finally {
    await context.close()
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

async function waitReady(page: Page, count = 1): Promise<void> {
  await page.waitForFunction(
    ([element, expected]) => document.querySelectorAll(`${element}`).length >= expected &&
      [...document.querySelectorAll(`${element}`)].filter((host) => host.shadowRoot?.querySelector('.bh-rh[data-state="ready"]')).length >= expected,
    [ELEMENT, count] as const,
    { timeout: 30_000 },
  )
}

// ───────────────────────── 4. main chunk bytes before the widget is near ─────────────────────────

export interface LazyLoadResult {
  /** Bytes of the main chunk sent while the widget was more than one viewport height away. */
  bytesWhileFar: number
  /** Same, after scrolling to it (the harness check: it does load). */
  bytesAfterScroll: number
}

export async function measureLazyLoad(bench: Bench): Promise<LazyLoadResult> {
  bench.server.reset()
  bench.server.setPage('far', storefrontPage(`<header><h1>Product</h1></header><div class="tall"></div>${widgetTag('rows-20')}<div class="tall"></div>`))
  return withPage(bench, async (page) => {
    await page.goto(`${bench.server.origin}/far.html`, { waitUntil: 'load' })
    // Idle a while: nothing may prefetch the chunk "just in case".
    await page.waitForTimeout(1_500)
    const bytesWhileFar = bench.server.counts.mainChunkBytes
    await page.locator(ELEMENT).scrollIntoViewIfNeeded()
    await waitReady(page)
    return { bytesWhileFar, bytesAfterScroll: bench.server.counts.mainChunkBytes }
  })
}

// ───────────────────────── 5. time to rows with 300 ms API and 300 ms chunk ─────────────────────────

export interface TimeToRowsResult {
  /** Median ms from the first request the widget makes (chunk, token or API) to rows painted. */
  timeToRowsMs: number
  /** The same with no added latency: the main-thread cost of loading and rendering alone. */
  noLatencyMs: number
  /** The floor page with the same latency: the two downloads, then plain innerHTML (see below). */
  floorMs: number
  /** Median ms from the widget's first request to the last byte of its downloads (latency included). */
  lastByteMs: number
  /** The same on the floor page. */
  floorLastByteMs: number
  latencyMs: number
  ratio: number
  /** floorMs ÷ latency: what the same figure is for the floor on this machine. */
  floorRatio: number
  /** (timeToRows - noLatency) ÷ latency: ~2 when the API waits for the chunk, ~1 when parallel. */
  networkRatio: number
  runs: number[]
  noLatencyRuns: number[]
  floorRuns: number[]
  /** Median longest task from the main chunk's last byte to the first rows painted (its
   * evaluation, the mount and the renders): 0 when none reached 50 ms. */
  chunkToRowsLongestTaskMs: number
  chunkToRowsLongestTaskRuns: number[]
}

export async function measureTimeToRows(bench: Bench, runs: number, latencyMs = 300): Promise<TimeToRowsResult> {
  bench.server.setPage(TIME_TO_ROWS_PAGE, storefrontPage(`<header><h1>Your account</h1></header><main>${widgetTag('rows-20')}</main>`))
  bench.server.setPage(TIME_TO_ROWS_FLOOR_PAGE, timeToRowsFloorPage())
  const samples: number[] = []
  const noLatency: number[] = []
  const floor: number[] = []
  const lastByte: number[] = []
  const floorLastByte: number[] = []
  // Interleaved, so a burst of load on the machine hits every series alike.
  const chunkToRowsLongestTask: number[] = []
  for (let run = 0; run < runs; run++) {
    const sample = await timeToRowsOnce(bench, TIME_TO_ROWS_PAGE, latencyMs)
    samples.push(sample.rowsMs)
    lastByte.push(sample.lastByteMs)
    chunkToRowsLongestTask.push(sample.chunkToRowsLongestTaskMs)
    const floorSample = await timeToRowsOnce(bench, TIME_TO_ROWS_FLOOR_PAGE, latencyMs, [INSTALL_ROWS_HTML])
    floor.push(floorSample.rowsMs)
    floorLastByte.push(floorSample.lastByteMs)
    noLatency.push((await timeToRowsOnce(bench, TIME_TO_ROWS_PAGE, 0)).rowsMs)
  }
  const timeToRowsMs = median(samples)
  const noLatencyMs = median(noLatency)
  const floorMs = median(floor)
  return {
    timeToRowsMs,
    noLatencyMs,
    floorMs,
    lastByteMs: median(lastByte),
    floorLastByteMs: median(floorLastByte),
    latencyMs,
    ratio: timeToRowsMs / latencyMs,
    floorRatio: floorMs / latencyMs,
    networkRatio: (timeToRowsMs - noLatencyMs) / latencyMs,
    runs: samples,
    noLatencyRuns: noLatency,
    floorRuns: floor,
    chunkToRowsLongestTaskMs: median(chunkToRowsLongestTask),
    chunkToRowsLongestTaskRuns: chunkToRowsLongestTask,
  }
}

const TIME_TO_ROWS_PAGE = 'time-to-rows'
const TIME_TO_ROWS_FLOOR_PAGE = 'time-to-rows-floor'

/**
 * Figure 5's floor on this machine: the same page and this embed's two downloads (the API answer,
 * requested as the widget requests it, and the main chunk, both held by the server), with no
 * widget. An inline module script starts both side by side and warms the date-formatting data
 * meanwhile, as the loader does, lets the chunk evaluate, then sets the rows as one escaped
 * `innerHTML` string in a shadow root of the same element (never upgraded: no loader on the page):
 * no framework, no validation, no model, no widget CSS. What these downloads cost with the least
 * rendering after them.
 */
function timeToRowsFloorPage(): string {
  return storefrontPage(
    `<header><h1>Your account</h1></header><main><${ELEMENT}></${ELEMENT}></main>
<script type="module">
  const shadow = document.querySelector(${scriptLiteral(ELEMENT)}).attachShadow({ mode: 'open' })
  const answer = fetch(${scriptLiteral(BENCH_API_URL)}, ${scriptLiteral(customerReferralsInit(benchToken('rows-20'), '{}'))}).then((response) => response.text())
  const code = import(${scriptLiteral(MAIN_URL)})
  setTimeout(() => new Date().toLocaleString())
  const [text] = await Promise.all([answer, code])
  shadow.innerHTML = window.benchRowsHtml(text, 'bh-rh-row')
</script>`,
    { loader: false },
  )
}

/** A value as a JavaScript literal inside an inline <script> (no `<` to end it early). */
const scriptLiteral = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c')

/** ms from the page's first widget request (resource timing) to its rows painted, and to its last
 * byte. `initScripts` run in the page before its own scripts. */
async function timeToRowsOnce(
  bench: Bench,
  pageName: string,
  latencyMs: number,
  initScripts: (() => void)[] = [],
): Promise<{ rowsMs: number; lastByteMs: number; chunkToRowsLongestTaskMs: number }> {
  bench.server.reset()
  // Chromium's emulated latency is a minimum time to the first byte, not an addition: a response
  // the server holds 300 ms would get nothing more. So the profile's round trip is added here too.
  const held = latencyMs > 0 ? latencyMs + (bench.profile?.rttMs ?? 0) : 0
  bench.server.latency = { apiMs: held, chunkMs: held }
  return withPage(bench, async (page) => {
    await page.addInitScript(LONGTASK_OBSERVER)
    await page.addInitScript(WATCH_FIRST_ROWS, ELEMENT)
    for (const script of initScripts) await page.addInitScript(script)
    await page.goto(`${bench.server.origin}/${pageName}.html`)
    await page.waitForFunction(() => performance.getEntriesByName('bench:rows-painted').length > 0, undefined, { timeout: 30_000 })
    return page.evaluate(
      ({ mainUrl, apiBase }) => {
        const widgetRequests = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes(mainUrl) || entry.name.includes(`${apiBase}/`) || entry.name.includes('/token'))
        if (widgetRequests.length === 0) throw new Error('[bench] no widget request in the resource timings')
        const start = Math.min(...widgetRequests.map((entry) => entry.startTime))
        const rowsAt = performance.getEntriesByName('bench:rows-painted')[0]!.startTime
        // The main chunk's evaluation and the renders up to the first rows: every task that
        // started between the chunk's last byte and the rows' mark.
        const chunkEnd = Math.min(...widgetRequests.filter((entry) => entry.name.includes(mainUrl)).map((entry) => (entry as PerformanceResourceTiming).responseEnd))
        const tasks = (window as unknown as { benchLongTasks: PerformanceEntry[] }).benchLongTasks
        return {
          rowsMs: rowsAt - start,
          lastByteMs: Math.max(...widgetRequests.map((entry) => (entry as PerformanceResourceTiming).responseEnd)) - start,
          chunkToRowsLongestTaskMs: Math.max(0, ...tasks.filter((task) => task.startTime >= chunkEnd - 1 && task.startTime < rowsAt).map((task) => task.duration)),
        }
      },
      { mainUrl: MAIN_URL, apiBase: BENCH_API_BASE },
    )
  })
}

/**
 * Page-side: marks `bench:rows-painted` once the widget's first rows have been painted, and
 * resolves `window.benchFirstRowsPainted` with the mark's time. Checked in every animation frame:
 * rows found in frame N's callback are painted in frame N, so the mark in the next frame's callback
 * follows that paint (as a double requestAnimationFrame after inserting them would). It watches
 * the DOM, not the widget's ready event: a renderer may fire that event a frame after painting
 * (Preact runs effects after paint), which is not the shopper's wait.
 */
const WATCH_FIRST_ROWS = (element: string) => {
  ;(window as unknown as BenchWindow).benchFirstRowsPainted = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(element)?.shadowRoot?.querySelector('tr.bh-rh-row')) requestAnimationFrame(() => resolve(performance.mark('bench:rows-painted').startTime))
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
}

/**
 * Page-side: `window.benchMountWidget(attributes)` puts a widget element with those attributes in
 * the page's `#slot`; `window.benchAllRows(host, rows)` resolves at the first frame that finds all
 * `rows` rows in its shadow root (and rejects after 30 s).
 */
const INSTALL_WIDGET_HELPERS = (element: string) => {
  const win = window as unknown as BenchWindow
  win.benchMountWidget = (attributes) => {
    const host = document.createElement(element)
    for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value)
    document.getElementById('slot')!.append(host)
    return host
  }
  win.benchAllRows = async (host, rows) => {
    const count = () => host.shadowRoot?.querySelectorAll('tr.bh-rh-row').length ?? 0
    const deadline = performance.now() + 30_000
    while (count() < rows) {
      if (performance.now() > deadline) throw new Error(`[bench] only ${count()} of ${rows} rows rendered`)
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
  }
}

// ───────────────────────── 6, 7. render of N rows vs innerHTML ─────────────────────────

export interface RenderSample {
  /** ms from the API body in memory to the first rows painted (what the shopper sees). */
  firstPaintMs: number
  /** ms from the API body in memory to every row in the DOM, painted. */
  allRowsMs: number
  /** Longest main-thread task (longtask entries, 50 ms and up) between the two; 0 when none. */
  longestTaskMs: number
}

export interface RenderResult {
  rows: number
  widget: RenderSample
  baseline: RenderSample
  /** widget.firstPaintMs ÷ baseline.allRowsMs (the baseline paints everything at once). */
  ratio: number
  /** widget.allRowsMs ÷ baseline.allRowsMs. */
  allRowsRatio: number
  runs: { widget: RenderSample[]; baseline: RenderSample[] }
}

/** Page-side: resolves with the sample once every row is in the DOM and a frame has painted. */
const LONGTASK_OBSERVER = () => {
  const tasks: PerformanceEntry[] = []
  new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true })
  ;(window as unknown as BenchWindow).benchLongTasks = tasks
}

/** The render pages: a header and an empty `#slot` the widget (or the baseline's table) goes in. */
const RENDER_PAGE_BODY = `<header><h1>Your account</h1></header><main id="slot"></main>`

export async function measureRender(bench: Bench, customer: BenchCustomer, rows: number, runs: number): Promise<RenderResult> {
  bench.server.setPage('render', storefrontPage(RENDER_PAGE_BODY))
  bench.server.setPage('baseline', storefrontPage(RENDER_PAGE_BODY, { loader: false }))
  const widgetRuns: RenderSample[] = []
  const baselineRuns: RenderSample[] = []
  for (let run = 0; run < runs; run++) {
    bench.server.reset()
    widgetRuns.push(await renderWidgetOnce(bench, customer, rows))
    bench.server.reset()
    baselineRuns.push(await renderBaselineOnce(bench, customer, rows))
  }
  const pick = (samples: RenderSample[]): RenderSample => ({
    firstPaintMs: median(samples.map((sample) => sample.firstPaintMs)),
    allRowsMs: median(samples.map((sample) => sample.allRowsMs)),
    // The median run's, as issue 18 judges it (each run's own is in the figure's detail).
    longestTaskMs: median(samples.map((sample) => sample.longestTaskMs)),
  })
  const widget = pick(widgetRuns)
  const baseline = pick(baselineRuns)
  return {
    rows,
    widget,
    baseline,
    ratio: widget.firstPaintMs / baseline.allRowsMs,
    allRowsRatio: widget.allRowsMs / baseline.allRowsMs,
    runs: { widget: widgetRuns, baseline: baselineRuns },
  }
}

async function renderWidgetOnce(bench: Bench, customer: BenchCustomer, rows: number): Promise<RenderSample> {
  return withPage(bench, async (page) => {
    await page.addInitScript(LONGTASK_OBSERVER)
    await page.addInitScript(WATCH_FIRST_ROWS, ELEMENT)
    await page.addInitScript(INSTALL_WIDGET_HELPERS, ELEMENT)
    await page.goto(`${bench.server.origin}/render.html`)
    return page.evaluate(
      async ({ mainUrl, element, shop, token, apiBase, expectedRows }) => {
        const win = window as unknown as BenchWindow
        // The main chunk is evaluated first: this figure is about rendering, not downloading.
        await import(mainUrl)
        await customElements.whenDefined(element)
        const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))
        // t0: the API answer's body is in memory (the widget's parse, model and render count).
        let dataAt = 0
        const originalFetch = window.fetch
        window.fetch = async (input, init) => {
          const response = await originalFetch(input, init)
          if (!String(input instanceof Request ? input.url : input).endsWith('/CustomerReferrals2')) return response
          // The bytes, not text: re-encoding a 4 MB string for the copy took 90–140 ms inside the
          // measured window (the task that marks t0), counted as the widget's longest task.
          const body = await response.arrayBuffer()
          // The widget's Response is built before t0 too: built from a 4 MB buffer it copies the
          // buffer (8–40 ms here), where the browser's own Response exists from the first byte.
          const inMemory = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
          // And t0 in a task of its own, so the harness's copy of the body is not in the widget's.
          await new Promise((resolve) => setTimeout(resolve, 0))
          dataAt = performance.now()
          return inMemory
        }
        const host = win.benchMountWidget({ shop, token, 'api-base-url': apiBase })
        const firstPaintAt = await win.benchFirstRowsPainted
        // Every row in the DOM (a widget may render the rest after its first paint).
        await win.benchAllRows(host, expectedRows)
        const allRowsAt = await nextPaint()
        window.fetch = originalFetch
        await new Promise((resolve) => setTimeout(resolve, 100))
        const tasks = win.benchLongTasks.filter((task) => task.startTime + task.duration >= dataAt)
        return {
          firstPaintMs: firstPaintAt - dataAt,
          allRowsMs: allRowsAt - dataAt,
          longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
        }
      },
      { mainUrl: MAIN_URL, element: ELEMENT, shop: BENCH_SHOP, token: benchToken(customer), apiBase: BENCH_API_BASE, expectedRows: rows },
    )
  })
}

/**
 * Page-side: the baselines' renderer, installed by an init script as `window.benchRowsHtml`. The
 * API answer's text → `JSON.parse` → one escaped HTML string of a 4-column table. The floor of
 * figure 5 gives its rows the widget's row class, so the first-rows watch finds them.
 */
const INSTALL_ROWS_HTML = () => {
  interface Row { destination: string | null; channel: string; status: string; accepted_at: string | null; sent_at: string; reward_pts: number | null; reward_amount: string | null; coupon_code: string | null }
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
  ;(window as unknown as BenchWindow).benchRowsHtml = (text, rowClass) => {
    const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' })
    const { referrals } = JSON.parse(text) as { referrals: Row[] }
    const tr = rowClass ? `<tr class="${rowClass}">` : '<tr>'
    let html = '<table><thead><tr><th>Friend</th><th>Status</th><th>Date</th><th>Reward</th></tr></thead><tbody>'
    for (const row of referrals) {
      const reward = row.reward_pts !== null ? `${row.reward_pts} points` : (row.reward_amount ?? row.coupon_code ?? '—')
      html += `${tr}<th scope="row">${escape(row.destination ?? row.channel)}</th><td>${escape(row.status)}</td><td><time>${escape(date.format(new Date(row.accepted_at ?? row.sent_at)))}</time></td><td>${escape(reward)}</td></tr>`
    }
    return `${html}</tbody></table>`
  }
}

/** What the bench's init scripts put on a page's `window`. */
interface BenchWindow {
  benchRowsHtml: (text: string, rowClass?: string) => string
  benchLongTasks: PerformanceEntry[]
  benchFirstRowsPainted: Promise<number>
  benchMountWidget: (attributes: Record<string, string>) => HTMLElement
  benchAllRows: (host: HTMLElement, rows: number) => Promise<void>
}

/** CustomerReferrals2 on the bench server, built as the widget builds it for the bench shop. */
const BENCH_API_URL = customerReferralsUrl({ shop: BENCH_SHOP, apiBaseUrl: BENCH_API_BASE })

/** The baseline: the same rows as one plain HTML string (escaped) set with innerHTML. */
async function renderBaselineOnce(bench: Bench, customer: BenchCustomer, rows: number): Promise<RenderSample> {
  return withPage(bench, async (page) => {
    await page.addInitScript(LONGTASK_OBSERVER)
    await page.addInitScript(INSTALL_ROWS_HTML)
    await page.goto(`${bench.server.origin}/baseline.html`)
    return page.evaluate(
      async ({ url, init, expectedRows }) => {
        // The widget's loader loads the browser's date-formatting data before the answer arrives
        // (it formats a date while the downloads are in flight); the baseline gets the same.
        new Date().toLocaleString()
        const response = await fetch(url, init)
        const text = await response.text()
        const dataAt = performance.now()
        const win = window as unknown as BenchWindow
        document.getElementById('slot')!.innerHTML = win.benchRowsHtml(text)
        const painted = await new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))
        if (document.querySelectorAll('tbody tr').length !== expectedRows) throw new Error('[bench] the baseline rendered the wrong number of rows')
        await new Promise((resolve) => setTimeout(resolve, 100))
        const tasks = win.benchLongTasks.filter((task) => task.startTime + task.duration >= dataAt)
        const ms = painted - dataAt
        return { firstPaintMs: ms, allRowsMs: ms, longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)) }
      },
      { url: BENCH_API_URL, init: customerReferralsInit(benchToken(customer), '{}'), expectedRows: rows },
    )
  })
}

// ───────────────────────── 8. API requests: 3 widgets, StrictMode, remount ─────────────────────────

export interface RequestCountResult {
  /** Script-tag embed: three elements of one customer, then one removed and put back. */
  embed: number
  /** npm component: three widgets under StrictMode (development React), then one remounted. */
  strictMode: number
}

export async function measureRequestCount(bench: Bench): Promise<RequestCountResult> {
  const three = [widgetTag('rows-20'), widgetTag('rows-20', 'currency="EUR"'), widgetTag('rows-20', 'currency="USD"')].join('\n')
  bench.server.setPage('three-widgets', storefrontPage(`<main>${three}</main>`))
  bench.server.reset()
  const embed = await withPage(bench, async (page) => {
    await page.goto(`${bench.server.origin}/three-widgets.html`)
    await waitReady(page, 3)
    // A remount within the stale window: removed, then back after the loader's move grace period.
    await page.evaluate(async (element) => {
      const first = document.querySelector(element)!
      const parent = first.parentElement!
      first.remove()
      await new Promise((resolve) => setTimeout(resolve, 100))
      parent.prepend(first)
    }, ELEMENT)
    await waitReady(page, 3)
    await page.waitForTimeout(300)
    return bench.server.counts.apiRequests
  })

  bench.server.setPage('strict-mode', storefrontPage(`<main id="slot"></main>`, { loader: false }))
  bench.server.reset()
  const strictMode = await withPage(bench, async (page) => {
    await page.goto(`${bench.server.origin}/strict-mode.html`)
    await page.evaluate(
      async ({ shop, token, apiBase, pageUrl }) => {
        const module = (await import(pageUrl)) as { renderStrictModePage: (element: HTMLElement, props: object) => void }
        module.renderStrictModePage(document.getElementById('slot')!, { shop, token, apiBaseUrl: apiBase })
      },
      { shop: BENCH_SHOP, token: benchToken('rows-20'), apiBase: BENCH_API_BASE, pageUrl: '/pages/strict-mode-page.js' },
    )
    const ready = page.locator('.bh-rh[data-state="ready"]')
    await page.waitForFunction(() => document.querySelector('#slot') !== null)
    await ready.nth(2).waitFor({ timeout: 30_000 })
    await page.evaluate(() => (window as unknown as { benchRemount: () => Promise<void> }).benchRemount())
    await ready.nth(2).waitFor({ timeout: 30_000 })
    await page.waitForTimeout(300)
    return bench.server.counts.apiRequests
  })
  return { embed, strictMode }
}

// ───────────────────────── phone: interaction while rows are being added ─────────────────────────

export interface InteractionResult {
  /** Median over the runs of the interaction's longest event duration (input to next paint). */
  inpMs: number
  runs: { inpMs: number; rowsAtClick: number }[]
}

/**
 * Interaction to next paint of pressing Copy (a coupon code or an invitation link) in the first
 * rows that have one while a 1,000-row history is still being added in steps: the shopper's tap has to wait for
 * the step running when it lands. Event Timing entries of the click's interaction (pointerdown,
 * pointerup, click), the longest one; `rowsAtClick` proves the steps were still running.
 */
export async function measureCopyWhileAdding(bench: Bench, runs: number): Promise<InteractionResult> {
  bench.server.setPage('render', storefrontPage(RENDER_PAGE_BODY))
  const samples: InteractionResult['runs'] = []
  for (let run = 0; run < runs; run++) {
    bench.server.reset()
    samples.push(
      await withPage(bench, async (page) => {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bench.server.origin })
        await page.addInitScript(WATCH_FIRST_ROWS, ELEMENT)
        await page.addInitScript(INSTALL_WIDGET_HELPERS, ELEMENT)
        await page.addInitScript(() => {
          const events: { interactionId: number; duration: number }[] = []
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as { interactionId: number; duration: number }[]) if (entry.interactionId > 0) events.push(entry)
          }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
          ;(window as unknown as { benchEvents: typeof events }).benchEvents = events
        })
        await page.goto(`${bench.server.origin}/render.html`)
        // Where the first Copy button is when the first rows are painted, and the rows shown when
        // the press lands. The press goes straight to the input pipeline at those coordinates
        // (Playwright's locator click first waits for the button to be stable over frames, which
        // on this slow CPU lasted until nearly every row was in).
        const target = await page.evaluate(
          async ({ mainUrl, shop, token, apiBase }) => {
            const win = window as unknown as BenchWindow
            await import(mainUrl)
            const host = win.benchMountWidget({ shop, token, 'api-base-url': apiBase })
            await win.benchFirstRowsPainted
            const root = host.shadowRoot!
            root.addEventListener(
              'pointerdown',
              (event) => {
                const onCopy = (event.composedPath()[0] as Element).closest?.('.bh-rh-copy') != null
                ;(window as unknown as { benchPress: unknown }).benchPress = { rows: root.querySelectorAll('tr.bh-rh-row').length, onCopy }
              },
              { capture: true, once: true },
            )
            // The first Copy button, scrolled into the widget's box as the shopper would: in the
            // first rows, or in the first step's when none of those has one (looked for each frame).
            let button = root.querySelector('.bh-rh-copy')
            while (!button && root.querySelector('table[aria-busy]')) {
              await new Promise((resolve) => requestAnimationFrame(resolve))
              button = root.querySelector('.bh-rh-copy')
            }
            if (!button || !root.querySelector('table[aria-busy]')) throw new Error('[bench] no Copy button while the rows were being added')
            button.scrollIntoView({ block: 'center' })
            await new Promise((resolve) => requestAnimationFrame(resolve))
            const rect = button.getBoundingClientRect()
            return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
          },
          { mainUrl: MAIN_URL, shop: BENCH_SHOP, token: benchToken('rows-1000'), apiBase: BENCH_API_BASE },
        )
        await page.mouse.click(target.x, target.y)
        const press = await page.evaluate(() => (window as unknown as { benchPress?: { rows: number; onCopy: boolean } }).benchPress)
        if (!press?.onCopy) throw new Error('[bench] the press did not land on the Copy button')
        const rowsAtClick = press.rows
        if (rowsAtClick >= 1_000) throw new Error('[bench] the press landed after every row was in')
        await page.evaluate(({ element }) => (window as unknown as BenchWindow).benchAllRows(document.querySelector(element)!, 1_000), { element: ELEMENT })
        await page.waitForTimeout(200)
        const inpMs = await page.evaluate(() => Math.max(0, ...(window as unknown as { benchEvents: { duration: number }[] }).benchEvents.map((entry) => entry.duration)))
        return { inpMs, rowsAtClick }
      }),
    )
  }
  return { inpMs: median(samples.map((sample) => sample.inpMs)), runs: samples }
}

// ───────────────────────── 9. layout shift ─────────────────────────

export interface LayoutShiftResult {
  cls: number
  shifts: number
  /** Each shift: when, how much, and which boxes moved (node name, top and height before → after). */
  entries: { atMs: number; value: number; moved: string[] }[]
}

/** The fields of a `layout-shift` performance entry the figure reads (not in TS's DOM types). */
interface LayoutShiftEntry {
  startTime: number
  value: number
  hadRecentInput: boolean
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[]
}

/**
 * The layout shift the widget causes on an account page: a header, the widget, 12 paragraphs below
 * it, API 300 ms and main chunk 150 ms late, counted until 1 s after the widget shows a settled
 * state (`state`: the one the customer's answer leads to). `visit: 'repeat'` loads the page once
 * in the same browser context first (so this shop's remembered height is in `localStorage`) and
 * measures the second load; `'first'` is a fresh context.
 */
export async function measureLayoutShift(
  bench: Bench,
  customer: BenchCustomer = 'rows-20',
  {
    reserveRule = true,
    visit = 'first',
    state = 'ready',
    loaderAttributes,
  }: { reserveRule?: boolean; visit?: 'first' | 'repeat'; state?: string; loaderAttributes?: string } = {},
): Promise<LayoutShiftResult> {
  bench.server.setPage(
    'layout-shift',
    storefrontPage(`<header><h1>Your account</h1><p>Welcome back.</p></header><main>${widgetTag(customer)}${pageContent(12)}</main>`, { reserveRule, loaderAttributes }),
  )
  bench.server.reset()
  bench.server.latency = { apiMs: 300, chunkMs: 150 }
  const settled = async (page: Page) => {
    const handle = await page.waitForFunction(
      (element) => document.querySelector(element)?.shadowRoot?.querySelector('.bh-rh:not([data-state="loading"])')?.getAttribute('data-state'),
      ELEMENT,
      { timeout: 30_000 },
    )
    const shown = await handle.jsonValue()
    if (shown !== state) throw new Error(`[bench] ${customer} showed the ${String(shown)} state, expected ${state}`)
  }
  return withPage(bench, async (page) => {
    await page.addInitScript(() => {
      const shifts: LayoutShiftEntry[] = []
      new PerformanceObserver((list) => shifts.push(...(list.getEntries() as unknown as LayoutShiftEntry[]))).observe({ type: 'layout-shift', buffered: true })
      ;(window as unknown as { benchShifts: typeof shifts }).benchShifts = shifts
    })
    if (visit === 'repeat') {
      await page.goto(`${bench.server.origin}/layout-shift.html`)
      await settled(page)
      await page.waitForTimeout(200)
    }
    await page.goto(`${bench.server.origin}/layout-shift.html`)
    await settled(page)
    await page.waitForTimeout(1_000)
    return page.evaluate(() => {
      const shifts = (window as unknown as { benchShifts: LayoutShiftEntry[] }).benchShifts.filter((shift) => !shift.hadRecentInput)
      const box = (rect: DOMRectReadOnly) => `${Math.round(rect.y)}/${Math.round(rect.height)}`
      return {
        cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
        shifts: shifts.length,
        entries: shifts.map((shift) => ({
          atMs: Math.round(shift.startTime),
          value: shift.value,
          moved: shift.sources.map((source) => `${source.node?.nodeName.toLowerCase() ?? '?'} ${box(source.previousRect)} → ${box(source.currentRect)}`),
        })),
      }
    })
  })
}

/** The states figure 9 measures, each with the bench customer whose answer leads to it. */
export const LAYOUT_SHIFT_STATES = [
  { label: 'empty', customer: 'rows-0', state: 'empty' },
  { label: '2 rows', customer: 'rows-2', state: 'ready' },
  { label: '20 rows', customer: 'rows-20', state: 'ready' },
  { label: '1,000 rows', customer: 'rows-1000', state: 'ready' },
  { label: 'invalid token', customer: 'invalid-token', state: 'invalid-token' },
  { label: 'error (500, after 2 retries)', customer: 'server-error', state: 'error' },
  { label: 'rate-limited (429, after 3 retries)', customer: 'rate-limited', state: 'rate-limited' },
] as const satisfies readonly { label: string; customer: BenchCustomer; state: string }[]

export interface LayoutShiftPerState {
  label: string
  first: LayoutShiftResult
  repeat: LayoutShiftResult
}

/** A returning shopper's layout shift over `loads` loads (20 rows) with the loader only `defer`red:
 * how often the page paints before the loader sets the remembered box. */
export async function measureRepeatShiftWithoutRenderBlocking(bench: Bench, loads: number): Promise<number[]> {
  const values: number[] = []
  for (let load = 0; load < loads; load++) {
    values.push((await measureLayoutShift(bench, load % 2 ? 'rows-0' : 'rows-20', { visit: 'repeat', state: load % 2 ? 'empty' : 'ready', loaderAttributes: 'defer' })).cls)
  }
  return values
}

/** Figure 9 for every state, first and repeat visit. */
export async function measureLayoutShiftPerState(bench: Bench): Promise<LayoutShiftPerState[]> {
  const results: LayoutShiftPerState[] = []
  for (const { label, customer, state } of LAYOUT_SHIFT_STATES) {
    results.push({
      label,
      first: await measureLayoutShift(bench, customer, { state, visit: 'first' }),
      repeat: await measureLayoutShift(bench, customer, { state, visit: 'repeat' }),
    })
  }
  return results
}

// ───────────────────────── 10. heap growth over mount/unmount cycles ─────────────────────────

export interface HeapResult {
  cycles: number
  beforeBytes: number
  afterBytes: number
  growthBytes: number
}

/** The page's JS heap in use after full garbage collections (twice: a first collection can leave
 * objects that only the second finds unreachable). */
async function heapReader(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
}

export async function measureHeapGrowth(bench: Bench, cycles = 20): Promise<HeapResult> {
  bench.server.setPage('heap', storefrontPage(`<main id="slot"></main>`))
  bench.server.reset()
  return withPage(bench, async (page) => {
    await page.goto(`${bench.server.origin}/heap.html`)
    const heapUsed = await heapReader(page)
    const cycle = (count: number) =>
      page.evaluate(
        async ({ count, shop, token, apiBase, readyEvent, mainUrl }) => {
          await import(mainUrl)
          const api = (window as unknown as { BubblehouseReferralHistory: { mount: (element: HTMLElement, props: object) => { unmount(): void } } }).BubblehouseReferralHistory
          for (let index = 0; index < count; index++) {
            const element = document.createElement('div')
            document.getElementById('slot')!.append(element)
            const ready = new Promise((resolve) => element.addEventListener(readyEvent, resolve, { once: true }))
            const widget = api.mount(element, { shop, token, apiBaseUrl: apiBase })
            await ready
            await new Promise((resolve) => requestAnimationFrame(resolve))
            widget.unmount()
            element.remove()
          }
          // Let timers that the unmount scheduled (abort checks) run.
          await new Promise((resolve) => setTimeout(resolve, 50))
        },
        { count, shop: BENCH_SHOP, token: benchToken('rows-100'), apiBase: BENCH_API_BASE, readyEvent: READY_EVENT, mainUrl: MAIN_URL },
      )
    // One warm-up cycle: code, caches and the loaded history are there before the first reading.
    await cycle(1)
    const beforeBytes = await heapUsed()
    await cycle(cycles)
    const afterBytes = await heapUsed()
    return { cycles, beforeBytes, afterBytes, growthBytes: afterBytes - beforeBytes }
  })
}

/**
 * JS heap held per shown row: the page's heap after every row of `customer`'s history is in the
 * widget, minus before it was mounted (main chunk loaded), ÷ rows. What a phone keeps while the
 * history is open: the parsed answer, its model, the formatted rows and the JS wrappers of the
 * rows' elements. (Until the rows were built as plain DOM, the renderer's virtual tree was most of
 * it: about 4.4 KB of 6.1 KB a row in a heap snapshot at 1,000 rows.)
 */
export async function measureHeapPerRow(bench: Bench, customer: BenchCustomer, rows: number): Promise<{ bytes: number; perRow: number }> {
  bench.server.setPage('heap-rows', storefrontPage(`<main id="slot"></main>`))
  bench.server.reset()
  return withPage(bench, async (page) => {
    await page.addInitScript(INSTALL_WIDGET_HELPERS, ELEMENT)
    await page.goto(`${bench.server.origin}/heap-rows.html`)
    await page.evaluate(async ({ mainUrl }) => void (await import(mainUrl)), { mainUrl: MAIN_URL })
    const heapUsed = await heapReader(page)
    const before = await heapUsed()
    await page.evaluate(
      async ({ shop, token, apiBase, expectedRows }) => {
        const win = window as unknown as BenchWindow
        await win.benchAllRows(win.benchMountWidget({ shop, token, 'api-base-url': apiBase }), expectedRows)
      },
      { shop: BENCH_SHOP, token: benchToken(customer), apiBase: BENCH_API_BASE, expectedRows: rows },
    )
    const bytes = (await heapUsed()) - before
    return { bytes, perRow: bytes / rows }
  })
}

export { LOADER_URL }
