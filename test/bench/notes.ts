/** The prose part of BENCHMARKS.md: what changed, why, and what each unmet goal would take. */
export const BENCH_NOTES = `## How to read the numbers

- Every ratio divides by a baseline measured in the same run: the React + react-dom bundle built a
  moment earlier, the plain \`innerHTML\` render in the same browser, the latency the bench server adds.
- This machine is a shared 2-core VM whose speed changes from day to day: the same baseline (the
  10,000-row \`innerHTML\` render) took 0.77 to 2.49 s across the sessions of this work (about
  1.5 s on 2026-12-05, twice 2026-12-04's 0.77 s; 0.52–0.55 s on 2026-12-06), with no other suite running (load average 4–5
  during a run: the bench's own browser and server), and milliseconds move by ±30–50 % between
  runs of one day. The ratios (figures 1, 5, 6, 7's first, 12) divide by a baseline of the same run
  and hold across days; the goals given in milliseconds (figure 7's longest task, 13–15) move with
  the host. Sizes, byte counts and request counts do not depend on load.
- The phone figures' spread within one run is wide on a loaded host: on 2026-12-05 figure 15's five
  loads read 97–163 ms in one full run of unchanged code, and two seven-load probes of one build
  gave medians of 82 and 130 ms. On 2026-12-06's quieter, faster host the same code's nine-load
  probes held figure 12 within 1.15–1.16 and its loads within ±3 %. A change is judged here on
  Chromium traces (which task is the longest, and its CPU time in \`tdur\`, which the host's load
  barely moves) and on paired probes of both builds in one sitting, as well as on the figures.
- **Figures 7, 12 and 15 over eight full runs**: four on 2026-12-05 and three on 2026-12-06 of
  the same widget code (as at 81e95fb; the commits up to bb6a855 change tests, the bench and
  comments only; \`npm run bench\` three times in a row), then this file's at d342c1d (the same
  widget with the two Retry changes below; a run at c4c6fee between read alike: 1.16, no task
  ≥ 50 ms). Figure 12: 1.08, 1.20, 1.32, 1.25, then 1.17, 1.15, 1.16 and 1.15: median 1.17 (goal
  ≤ 1.20). Figure 15: 69, 103, 121, 97 ms, then no task ≥ 50 ms four
  times: median below 69 ms (goal ≤ 100). Figure 7's longest task: none ≥ 50, 75, none, 53, then
  none four times: median none ≥ 50 ms (goal ≤ 100). Figures 13 and 14 were met in all eight
  (13: 81–133 ms, then none ≥ 50; 14: 48–64 ms, then 24, 32, 24 and 24).
- Figure 10 read +240 to +290 KB in most of the day's runs (and run on its own), but −133 to
  −142 KB in three runs in a row (a CI smoke and two full runs, this file's among them): there the
  heap after the warm-up cycle was about 390 KB higher (≈ 1,866 against ≈ 1,470 KB) and the heap
  after the 20 cycles the same (≈ 1,731 KB). The next CI smoke read +258 KB again. Not explained;
  under the goal either way.
- "Before" is the code as the embed landed (before this work). The before run predates the
  network-part diagnostic and the floor of figure 5.

## What changed for the figures

| Change | Effect |
|---|---|
| The embed renders on **Preact through \`preact/compat\`**: \`vite.config.ts\` aliases \`react\`, \`react-dom\`, \`react-dom/client\` and \`react/jsx-runtime\` for \`--mode embed\` only. The widget uses hooks, \`memo\`, one error-boundary class, \`createRoot\` and \`createPortal\`, all covered by compat; React 19's \`onUncaughtError\` has no Preact equivalent, so \`mountWidget\` wraps the widget in a last-resort boundary that logs, fires the error event and renders nothing. The npm package keeps React and react-query | main chunk 88 → 28 KB gzip (figures 1, 2); less JavaScript to compile before the first render (figure 5). Every e2e test runs this build in Chromium, including \`test/e2e/embedStates.spec.ts\` (rate limits, errors and retry, coupon copy, locale and theme changes, two customers) |
| **The embed runs the real \`@tanstack/react-query\`** on \`preact/compat\` (2026-12-03; from 2026-11 until then it ran \`src/query/reactQueryLite.ts\`, a ~250-line hand-written subset, which saved ~8.5 KB gzip and had drifted from the library: it ignored \`structuralSharing\`, refetched on \`focus\`, deduplicated refetches). The request still starts before the first paint: \`useCustomerReferrals\` prefetches in a layout effect, since Preact subscribes react-query's observer in an effect after the paint; the loader's early answer reaches the query through an injected \`fetch\` (\`src/embed/earlyRequests.ts\`) | main chunk +8.5 KB gzip (figures 1, 2); the same data layer as the npm package, checked by the \`unit-embed\` vitest project and every e2e test |
| jose's \`decodeJwt\` replaced by a 10-line base64url JSON decode (\`src/query/customerIdentity.ts\`) | −0.6 KB gzip |
| The loader starts the API request itself when a widget with a \`token\` comes near the viewport, in parallel with the main chunk (\`src/embed/prefetch.ts\`; one URL/options builder for both, so it is the same single request), and while both downloads are in flight it formats a date, which loads the browser's date- and number-formatting data (40–100 ms once per page in Chromium here; in the main chunk it landed inside the first render) | figure 5's network part ≈ 1 instead of ≈ 2, and the formatting data off its critical path |
| **The loader does only what must happen before the main chunk** (\`src/embed/defineReferralHistoryElement.ts\`): define the element and the JS API, watch the viewport, start the API request, import the main chunk, warm the formatting data. Moved out of it: the element's lifecycle (mount, updates batched per microtask, unmount: \`src/embed/elementLifecycle.ts\`), handing out and aborting the early request (\`src/api/customerReferralsRequest.ts\`), the attribute list (the main chunk watches attributes with a \`MutationObserver\` once mounted), the reserved height (now the README's page rule, below), the script-URL lookup (a relative \`import()\` in a classic script resolves against the script's own URL), an import retry (a failed import is logged once), and the shared viewport observer (one per element) | loader 1,567 → 1,023 B gzip (figure 3) with the parallel request kept; hard budget 1,024 B |
| **A mid-range phone profile** beside this machine (issue 18): every figure function can run its pages with the CPU throttled 4× (CDP \`Emulation.setCPUThrottlingRate\`) and 150 ms round trips (\`Network.emulateNetworkConditions\` latency, which Chromium applies as a minimum time to the first byte, so the bench server adds it to the responses it holds). Figures 12–15. Figure 5 is now the widget's time to rows ÷ the floor measured in the same run (the old ratio to the latency beside it), and figure 7's longest task the median of five runs | figures 5, 7, 12–15 |
| **Right-sized in every state** (issue 17; it replaces one height in every state, 36rem, which left a new customer's notice in a box of blank space): the widget is as tall as what it shows, up to \`--bh-rh-max-block-size\` (36em; a longer history scrolls inside its body, a named, focusable region, column names sticky). While it loads it holds a reserved box: this shop's last height in this browser while it showed a history or the empty notice (\`localStorage\`, one number per shop, forgotten by \`reset()\`; an error's or notice's height only where none is remembered, so a failed visit never shrinks the next one's box), else 18em, between an empty history's notice and a full box; a Retry keeps the height of the state it replaces. The loader sets the remembered height on the element when it is defined, and the README's one-line page rule (\`min-block-size: var(--bh-rh-block-size, var(--bh-rh-_reserved-block-size, 18em))\`) reserves it before the main chunk; the README's loader tag is \`defer blocking="render"\`, so a returning shopper's first frame already has it. The first sends (twelve; 25 since 2026-12-05, below) no longer use \`content-visibility: auto\`: laid out at the assumed height and a frame later at their own, they moved the page under a short history | figure 9, worst state: returning shopper 0.000, first visit ≈ 0.05 (the README's old fixed box: 0.000 and 0.000, with up to 450 px of blank box). Loader +138 B gzip (figure 3: the remembered height, and its removal by the loader's \`reset()\`), main chunk +0.3 KB |
| **Long histories in steps**: the first 10 rows render with the data (the default box shows about 6 on a wide layout, 3–4 on a phone's; 25 until 2026-12-05, 50 before that), the rest in steps of one task each (\`useProgressiveCount\`): the first step adds 80 rows, and each later step is sized from how long the previous one took to render, to about 10 ms of script on the shopper's device (\`STEP_BUDGET_MS\`; 20 ms until rows became plain DOM, which halved a row's script but not its layout) (within 10 and 640 rows). A step's task holds more than its render: now and then a young-generation garbage collection, which copies the rows rendered since the last one (40–100 ms here at a few thousand rows), so the render's share is kept small. Sends are grouped in memoised blocks so a step compares one block per 80 rows; the table is \`aria-busy\` until complete and every row ends in one table. Rows are formatted (dates, money, labels) only when rendered | figure 6 ≈ 0.7–1.05, figure 7 ≈ 0.27–0.39 (first rows, today's full runs). This session: 50 → 25 first rows painted the first rows ≈ 20 % sooner (probe medians 690 → 545 ms) and took the first render out of the long tasks; the 40 → 20 ms budget took most steps under 100 ms (10,000-row steps were 100–165 ms). The price: every row is in about 20 % later (probe medians 3.8 → 4.6 s for 10,000 rows; 5.3–6.1 s in today's later, slower full runs, 1.1–1.3 s for 1,000) |
| **Rows as plain DOM** (issue 18, 2026-12-04): each send's \`<tbody>\` appends its rows, built once from the row model with \`document.createElement\` and text (\`src/views/rows/rowBuilder.ts\`), instead of a component tree per row; the rows' Copy buttons are handled by one click listener on the table (\`copyOnClick\`). A renderer keeps its virtual tree for every row it shows (under \`preact/compat\` about 30 virtual nodes a row, each with a props object, a child array and the \`$$typeof\` that compat adds after creation), and a shown row never changes. Before, a row rendered without fragments or an inner component (6.1 → 5.6 KB) | figure 11: 6.1 → 1.7 KB of JS heap a row at 10,000 rows (6.9 → 2.2 KB at 1,000: objects 62 → 17 a row, property arrays 40 → 6, arrays 45 → 12, in heap snapshots). Markup unchanged (the screenshots and every e2e test pass as they were); main chunk +0.1 KB gzip. Figure 12 unchanged by it (paired runs, 7 each: 1.30 with, 1.26 without) |
| **A type scale of three sizes and two weights** (0.875, 1 and 1.25 em; regular and strong). Each size × weight of a family the page has not drawn yet is a font query the renderer sends to the browser process in the frame that first shows the rows (sandboxed Linux Chromium; Windows' font proxy works alike). The seven computed sizes and three weights before made 9 of these queries, 15–55 ms in that frame here; now 4–5, 6–15 ms (counted in Chromium traces, \`WebSandboxSupportLinux::GetWebFontRenderStyleForStrike\`). The smallest text went from 12.2 to 14 px | figures 5 and 7: 9 → 4–5 font queries in the first rows' frame, 15–55 → 6–15 ms |
| **Long answers checked and prepared in slices, each a few ms with a yield between**, in one pass (issue 16): the query's data is the answer checked (valibot, row by row), sorted, grouped and counted by one generator (\`validateAndPrepareSteps\`) that \`runInSlices\` (\`src/scheduling/\`) runs in 8 ms slices; a short history goes on without a task hop. Reading and parsing are no longer sliced: measured on 2026-12-04 with the CPU throttled 4× (CDP \`Emulation.setCPUThrottlingRate\`) on the 4 MB answer, from the body in memory to the first rows, the build that read the stream 256 KB at a time and parsed the top-level arrays in pieces had a longest task of 92 ms (runs 93, 61, 92) and first rows at 622 ms, the same build with one \`response.text()\` and one \`JSON.parse\` 68 ms (94, 68, 58) and 492 ms: the slices saved nothing (the goal to keep them was ≥ 50 ms), so \`readTextInSlices\`' slicing and \`parseJsonInSlices\` were deleted; the 16 MB cap stays (\`readCappedText\`). To rerun that comparison: \`git checkout a0d55bd && npm ci && npm run bench\` (figure 11 there). Not a Web Worker: the embed is served from the merchant's CDN, and a worker script must be same-origin with the page (a \`blob:\` worker is refused by a strict CSP) | checking and preparation stay out of figure 7's long tasks; no side channel between the query and the model (the \`WeakMap\` is gone) |
| **Bench harness**: the render figures' fetch wrapper copies the API body as bytes, builds the \`Response\` it hands the widget, and marks the moment the body is in memory in a task of its own. It used to re-encode 4 MB of text inside the measured window (90–140 ms), and until 2026-12-05 it built that \`Response\` after the mark: from a 4 MB buffer the constructor copies it, 8–40 ms in a fresh page here, counted in the widget's first task, where a browser's own \`Response\` exists from the first byte | figure 7's longest task measures the widget only: 121–131 ms (one run 227) → 66–96 ms in 5 runs of the same build |
| **The keyboard focus stays in the widget when Retry goes away** (2026-12-06; accessibility, not speed): Retry in the Error state starts a load that shows Loading, which removed the focused button and dropped the focus to the page's start. \`useFocusKeptInWidget\` moves it to the widget's named body region, the first tab stop, and never pulls back focus the shopper moved elsewhere | figure 2: main chunk +0.19 KB gzip (42.42 → 42.61 KB; hard budget 42.6 → 42.7 kB); figures 12 and 15 in the next full run 1.16 and no task ≥ 50 ms |
| **Retry says "Trying again…" while its load runs over the last good rows** (2026-12-06; not speed): react-query keeps a failed query's error while it loads again over kept data, with its retries and backoff, so the Error state with rows stayed as it was for seconds after a press. The button's label says so (\`aria-disabled\`, still focusable) | figure 2: main chunk +0.07 KB gzip (42.61 → 42.68 KB); figures 12 and 15 in this file's run 1.15 and no task ≥ 50 ms |
| **The bench's browser without the address bar's WebUI popup** (2026-12-05; since 2026-12-06 every Playwright run here, \`test/support/chromium.ts\`): Chromium 151+ preloads that popup as a WebUI page for every new window, headless too, and each bench page opens in a new context, a new window. In phone-profile traces a "WebUI Top Renderer" process used 575–741 ms of CPU during about half of the page loads, beside the measured page's 690–944 ms, on this 2-core machine. The bench disables \`WebUIOmniboxPopup\` and \`WebUIOmniboxAimPopup\` (as Puppeteer does by default) in one \`--disable-features\` with Playwright's own list, since Chromium keeps only the last such switch; the run stops if chrome://version shows anything else | no WebUI renderer in 9 traced loads (before: 5 of 9); the 10,000-row \`innerHTML\` baseline 1.42–1.83 s → 1.12 s in the next full run |
| **A long answer is parsed a task after it is read** (\`PARSE_IN_OWN_TASK_ABOVE\`, 1 MB, about 3,000 rows; \`src/api/fetchCustomerReferrals.ts\`): reading and decoding the 10,000-row answer (3.3 MB), then \`JSON.parse\` with the first slice of checks, were 40–60 ms each and one task together, the first of figure 7's long tasks in traces. A shorter answer goes straight on | figure 7's longest task, 5 runs: 96, 66, 81, 74, 69 → 73, 53, 71, none ≥ 50, none ≥ 50 ms (traces: the read 53–60 ms, the parse with its first slice 43–58, the first rows' frame up to 68) |
| **No content-visibility in the first render** (\`nth-of-type(n + 26)\` in referral-history.css, was \`n + 13\`): Chromium lays out a \`content-visibility: auto\` box it sees for the first time, finds whether it is on screen, and runs style and layout again in the same frame; in the frame that first shows a 20-row history that was 30–45 ms on the phone profile (traces), for eight small sends. A browser test holds the rule to the first 25 sends (\`FULL_LAYOUT_SENDS\`; the first render has at most 10) | paired phone probes, 7 loads each: figure 15 197 → 130 and 165 → 121 ms; the widget's time to rows 1125 → 949 and 1104 → 962 ms; figure 14 128 → 56 ms |
| **First render with 10 rows, not 25**: the frame that first shows the rows styles the whole widget (its container query puts the style of everything inside into layout), lays out and shapes each row; on the phone profile it was the longest task of figure 15. Measured as CPU time (\`tdur\`) of the style and layout that show a 20-row history's markup in fresh pages here, median of 7: 1 row 9.8 ms, 10 rows 15.8, 20 rows 20.5; four times that on the phone. Tests that read a settled history now wait until the table is not \`aria-busy\` | the rows' frame 95–117 → 72–84 ms in phone traces; figure 15's 7-load probes right after were inside the spread above (medians 91 before, 130 and 82 after) |
| **The translator's \`Intl.PluralRules\` and \`NumberFormat\` are made on first use**: a page's first \`PluralRules\` loads the locale's plural data, about a fifth of the main chunk's first task on the phone (CPU profile), and the loading state that task renders needs neither | phone traces, 3 loads: the chunk's task 85–88 → 64–70 ms, the answer's task (where they are now made) 29–33 → 43–74 ms; figure 15 in 7 loads 71, 80, 91, 72, 66, 69, 75 ms |
| The table is laid out as blocks with a **grid per row** (fixed column fractions) and \`content-visibility: auto\` per send, keeping the table semantics through explicit ARIA roles. Table layout re-measured every cell of the whole table at each step (300+ ms a step at 9,000 rows) | each step lays out only its own rows; sends scrolled out of view are skipped by rendering |

## Goals not met, and why

- **3 — the loader, 1,252 B against 1,024 B.** The hard budget is 1,260 B. Since the 1,024 B goal
  the loader gained \`reset()\`, the early request's origin, slug and expiry checks (issue 15: no
  token to a foreign origin, even from injected markup), and this shop's remembered height for the
  page rule and its removal on sign-out (issue 17: +138 B, a returning shopper's page never moves). Each is a shopper-visible
  guarantee that must hold before the main chunk arrives.

## The phone profile: where the time goes (issue 18)

- **The compile hint.** The main chunk carries V8's explicit compile hint
  (\`//# allFunctionsCalledOnLoad\`), so its functions compile on a background thread while it
  downloads instead of on the main thread when first called. Four pairs of builds with and without
  it on 2026-12-04, six phone runs each, interleaved: figure 12 at 1.23, 1.32, 1.08 and 1.26 with
  the hint, 1.28, 1.41, 1.38 and 1.56 without; figure 15's medians 80 and 110 ms with, 120 and
  150 ms without (the last two pairs). The floor imports the same chunk but never runs the
  widget's functions, so V8's lazy compilation spares it what the widget pays.
- **Between the main chunk and the first rows** (Chromium traces of figure 12's widget page, three
  loads each; tracing makes every task slower): on 2026-12-04 the chunk's evaluation with the mount
  and the loading state's render took 55–78 ms, the loading state's frame 15–18, the answer
  checked, modelled and rendered with its rows 18–49, and the rows' frame 73–113 (layout 46–88).
  On 2026-12-05, after the changes above (25 then 10 first rows, no \`content-visibility\` in the
  first render, \`Intl\` objects on first use): the chunk's task 64–70 ms, the loading state's frame
  25–32, the answer's task 43–74, the rows' frame 72–84 (layout 52–61, CPU-bound: its \`tdur\` is
  within 3 ms of its duration). Of a 20-row history's first style and layout, about 10 ms of CPU
  here (40 on the phone) is the widget itself (title, summary, column names, the shadow root's
  first style) and about 0.6 ms a row.
- **Before the main chunk**, outside every figure: the loader's formatting warm-up (a date's
  \`toLocaleString\`, which loads the browser's date- and number-formatting data while the
  downloads are in flight) is one task of 135–160 ms on the phone profile (traces), where the page
  is otherwise idle. In the first render it would cost the same inside figure 15's window.
- **On 2026-12-06** (traces of figure 12's widget page, same code as 2026-12-05, faster host): the
  chunk's task with the mount and the loading state 50–58 ms, the loading state's frame 11–29, the
  answer's task 25–49, the rows' frame 49–53 (layout 32–41), two loads; from the chunk's
  evaluation to the rows 130–138 ms of wall time in four more. The floor: 28–33 ms from its
  chunk's evaluation to its rows.
- **Tried and not kept (2026-12-06): the first render with the rows when the loader's early answer
  is in.** The embed's mount started the widget's own query (the root's options, in the shared
  QueryClient, held by a stand-in observer so a departing widget could not cancel it) and waited
  up to 100 ms for it before the first render, so the loading state and its frame never happened.
  Paired phone probes, 9 loads each, in one sitting: figure 12 at 1.145 and 1.150 with it, 1.162
  and 1.163 without (the widget's medians 603–607 ms either way); figure 15 at 63–64 ms with it
  (the answer's read, check and the whole first render in one task), none ≥ 50 ms without. With a
  yield before that first render: 1.159 and 1.139, none ≥ 50 ms. Traced from the chunk's
  evaluation to the rows: 125–141 ms with it against 130–138 without. On this host the loading
  state's frame rarely sat between the chunk and the rows, so there was nothing to save; it cost
  174 B gzip of main chunk. Its tests (a gated \`send\`, the e2e events with the chunk held until
  the API answered) are in that experiment's diff, not on main.
- **Tried and not kept:** invisible text in the loading state in each of the widget's sizes and
  weights, so that the font queries happen in the loading state's frame (2026-12-04): in traces
  they left the rows' frame (up to 36 ms), but in paired probes neither figure 12 nor figure 15
  moved beyond the spread; removing the root's container query changed the first layout's CPU time
  within the noise (17.3 against 18.2 ms here, median of 9).
`
