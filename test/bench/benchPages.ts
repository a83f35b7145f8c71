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
export const README_HEIGHT_RULE = `${ELEMENT}:not([hidden]) { display: block; font-size: medium; min-block-size: var(--bh-rh-block-size, var(--bh-rh-_reserved-block-size, 18em)); }`

/** The README's attributes on the loader's script tag: deferred, and render-blocking, so that a
 * returning shopper's first frame already has the widget's remembered box (figure 9). */
export const README_LOADER_ATTRIBUTES = 'defer blocking="render"'

/**
 * A storefront-like page: system font, a header, `body`, the loader as the README includes it, and
 * (unless `reserveRule: false`) the README's one-line rule for the moment before the loader runs.
 */
export function storefrontPage(
  body: string,
  {
    loader = true,
    reserveRule = true,
    loaderAttributes = README_LOADER_ATTRIBUTES,
    loaderUrl = LOADER_URL,
  }: { loader?: boolean; reserveRule?: boolean; loaderAttributes?: string; loaderUrl?: string } = {},
): string {
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
${loader ? `<script src="${loaderUrl}" ${loaderAttributes}></script>` : ''}
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
