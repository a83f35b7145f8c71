/** The prose part of BENCHMARKS.md: what changed, why, and what each unmet goal would take. */
export const BENCH_NOTES = `## How to read the numbers

- Every ratio divides by a baseline measured in the same run: the React + react-dom bundle built a
  moment earlier, the plain \`innerHTML\` render in the same browser, the latency the bench server adds.
- This machine is shared: other test suites ran beside the benchmark (load average 7–12 on 2 cores),
  so milliseconds move by ±50 % between runs. Sizes, byte counts, request counts and the
  "network part" of figure 5 do not depend on load; the render ratios and the time to rows do.
- "Before" is the code as the embed landed (before this work). The before run predates the
  network-part diagnostic of figure 5.

## What changed for the figures

| Change | Effect |
|---|---|
| The embed renders on **Preact through \`preact/compat\`**: \`vite.config.ts\` aliases \`react\`, \`react-dom\`, \`react-dom/client\` and \`react/jsx-runtime\` for \`--mode embed\` only. The widget uses hooks, \`memo\`, one error-boundary class, \`createRoot\` and \`createPortal\`, all covered by compat; React 19's \`onUncaughtError\` has no Preact equivalent, so \`mountWidget\` wraps the widget in a last-resort boundary that logs, fires the error event and renders nothing. The npm package keeps React and react-query | main chunk 88 → 28 KB gzip (figures 1, 2); less JavaScript to compile before the first render (figure 5). Every e2e test runs this build in Chromium, including \`test/e2e/embedStates.spec.ts\` (rate limits, errors and retry, coupon copy, locale and theme changes, two customers) |
| The embed build resolves \`@tanstack/react-query\` to \`src/query/reactQueryLite.ts\`: the ~250 lines of react-query the widget uses (checked by the vitest project \`unit-embed-query\` and every e2e test). It takes its request in a layout effect: Preact runs plain effects after the first paint | −8.5 KB gzip; the request (or the loader's early answer) is taken one frame sooner |
| jose's \`decodeJwt\` replaced by a 10-line base64url JSON decode (\`src/query/customerIdentity.ts\`) | −0.6 KB gzip |
| The loader starts the API request itself when a widget with a \`token\` comes near the viewport, in parallel with the main chunk (\`src/embed/prefetch.ts\`; one URL/options builder for both, so it is the same single request), and warms the browser's number-formatting data (~55 ms once per page in Chromium) while both downloads are in flight | figure 5's network part ≈ 1 instead of ≈ 2; loader +0.5 KB gzip |
| The element's lifecycle (mount, updates batched per microtask, unmount) moved from the loader into the main chunk (\`src/embed/elementLifecycle.ts\`); the loader forwards each event in order | loader back to ~1.5 KB with the prefetch and the reserved height added |
| **One height in every state**: the widget is \`--bh-rh-block-size\` tall (36rem; 36 × the shopper's default font size in the embed) and a long history scrolls inside its body (a named, focusable region; column names sticky). The loader gives the element that height as soon as it is defined (\`src/embed/reserveSpace.ts\`), and the README's one-line \`:not(:defined)\` rule covers the moment before the deferred loader runs | figure 9: 0.28 → 0.000 with 20 and with 1,000 rows. Without the README rule, one shift remains when the deferred loader defines the element (shown in the figure's detail) |
| **Long histories in steps**: the first 50 rows render with the data, the rest 80 per task (\`useProgressiveCount\`), sends grouped in memoised blocks so a step compares one block per earlier step; the table is \`aria-busy\` until complete and every row ends in one table. Rows are validated in 8 ms batches with yields (\`parseCustomerReferralsAsync\`), and formatted (dates, money, labels) only when rendered | figure 6 ≈ 0.6–0.75, figure 7 ≈ 0.35–0.5 (first rows); the 10,000-row single task of 4.3 s is gone (longest ≈ 140–200 ms) |
| The table is laid out as blocks with a **grid per row** (fixed column fractions) and \`content-visibility: auto\` per send, keeping the table semantics through explicit ARIA roles. Table layout re-measured every cell of the whole table at each step (300+ ms a step at 9,000 rows) | each step lays out only its own rows; sends scrolled out of view are skipped by rendering |

## Goals not met, and why

- **3 — loader (≈ 1.5 KB, goal 1 KB).** Measured by building the loader without the prefetch: 1,032 B.
  The prefetch (URL builder, request options, hand-off map) is ≈ 0.5 KB, and it is what makes
  figure 5's network part ≈ 1 instead of ≈ 2: the issue asks for both the parallel request and a
  1 KB loader, and the request code cannot be fetched later without a round trip. Everything else
  that could move to the main chunk has moved. \`.size-limit.json\` holds the loader at 1.6 kB.
- **5 — time to rows (≈ 1.85 at 300 ms).** The API request and the main chunk download side by
  side (the network part is below 1, 0.6–0.7: the number-formatting warm-up that the loader moves
  into the download wait is on the critical path only in the run without latency). What remains is this machine's main-thread work once both have
  arrived: compiling the chunk, style and layout of the shadow tree, the first render and two
  frames. The same page with no added latency takes ≈ 300–400 ms here from first request to rows
  painted (a CPU profile: about two thirds is the browser's own work — compile, style, layout,
  paint — and the rest Preact and the widget); 1.15 allows 45 ms after the network at 300 ms
  latency. On a fast unloaded desktop the ratio is lower, but not 1.15 with any renderer that
  paints the rows in a separate frame after their data arrives.
- **7 — longest task with 10,000 rows (≈ 140–200 ms, goal 100 ms).** First rows now paint at ≈ 0.4
  × the innerHTML baseline, and each later step is 40–90 ms. Long Animation Frame entries name what
  is left: \`JSON.parse\` of the 4 MB answer (≈ 130 ms, one call the browser cannot split), the
  task that builds the model of all rows and the first render (≈ 200 ms: sorting, grouping and
  totals of every row plus the first 50 rows), and occasional garbage collection inside a step.
  Meeting 100 ms needs the fetch, parse, validation and model moved into a Web Worker (the main
  thread then receives only the sorted, grouped rows) — a change of the fetch layer and the embed's
  build, left for a follow-up.
`
