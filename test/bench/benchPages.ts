import { BENCH_API_BASE } from './benchServer'
import { LOADER_FILE, MAIN_FILE } from './buildBundles'
import { BENCH_SHOP, benchToken, type BenchCustomer } from './fixtures/benchCustomers'

export const ELEMENT = 'bubblehouse-referral-history'
export const LOADER_URL = `/embed/${LOADER_FILE}`
export const MAIN_URL = `/embed/${MAIN_FILE}`
export const READY_EVENT = 'bubblehouse-referral-history:ready'

/** A `<bubblehouse-referral-history>` tag for a bench customer (token attribute, bench API). */
export function widgetTag(customer: BenchCustomer, extra = ''): string {
  return `<${ELEMENT} shop="${BENCH_SHOP}" token="${benchToken(customer)}" api-base-url="${BENCH_API_BASE}" ${extra}></${ELEMENT}>`
}

/** The rule the README asks stores to add: the element's box from the first paint, before any script. */
export const README_HEIGHT_RULE = `${ELEMENT}:not([hidden]) { display: block; font-size: medium; block-size: var(--bh-rh-block-size, 36em); }`

/**
 * A storefront-like page: system font, a header, `body`, the loader as a deferred script, and
 * (unless `reserveRule: false`) the README's one-line rule for the moment before the loader runs.
 */
export function storefrontPage(body: string, { loader = true, reserveRule = true }: { loader?: boolean; reserveRule?: boolean } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>bench</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #222; }
  header, main, footer { padding: 16px 24px; max-width: 960px; margin: 0 auto; }
  header { border-bottom: 1px solid #ddd; }
  .tall { height: 300vh; background: linear-gradient(#fafafa, #eee); }
  ${reserveRule ? README_HEIGHT_RULE : ''}
</style>
${loader ? `<script src="${LOADER_URL}" defer></script>` : ''}
</head>
<body>
${body}
</body>
</html>`
}

/** Paragraphs of page content (what sits below the widget on a real account page). */
export function pageContent(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, index) => `<p>Paragraph ${index + 1} of the store's account page: order history, addresses and preferences, the kind of content that sits around a loyalty block.</p>`,
  ).join('\n')
}
