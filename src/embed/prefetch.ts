import {
  buildCustomerReferralsUrl,
  customerReferralsInit,
  DEFAULT_API_BASE_URL,
  DEFAULT_API_ORIGIN,
  DEFAULT_API_VERSION,
  prefetchKey,
  type PrefetchedRequests,
  VERSION_AND_SHOP,
} from '../api/customerReferralsRequest'

/**
 * Part of the loader: when a widget with a `token` comes near the viewport, its API request starts
 * at once, in parallel with the main chunk's download, instead of after it (time to rows is then
 * about max(API, chunk) rather than their sum, BENCHMARKS.md figure 5). The request is built by
 * the same functions as the fetch wrapper's, so when the widget's fetch takes it
 * (`fetchWithEarlyRequests`, src/embed/earlyRequests.ts) it is the single request the widget would
 * have made. Widgets with
 * `token-url` or `getToken` start after the main chunk (their token comes first).
 *
 * Returns the request's key for the main chunk, which hands it out or aborts it; undefined when
 * nothing could start. Only what must run before the chunk is here: every byte is on every page.
 */
export function startPrefetch(requests: PrefetchedRequests, element: Element, props?: unknown): string | undefined {
  // The props given to `mount()` (anything a plain-JS caller passed), else the attributes, as the
  // main chunk reads them; trimmed as its props check trims them: the same URL, the same request.
  // (The main chunk reads own properties only; here an inherited one is read too, as own-only reads
  // did not fit the loader's budget: it can only reach the two origins allowed below, with a slug.)
  const read = (attribute: string, prop: string) => {
    const value: unknown = props == null ? element.getAttribute(attribute) : (props as Record<string, unknown>)[prop]
    return (typeof value == 'string' && value.trim()) || undefined
  }
  const shop = read('shop', 'shop')
  const token = read('token', 'token')
  const versionAndShop = `${read('api-version', 'apiVersion') ?? DEFAULT_API_VERSION}/${shop}`
  // The main chunk's checks, without their messages (it reports them): a slug, `v` + digits, and
  // only the Bubblehouse API or the page's own origin (a merchant proxy). Any other origin is the
  // main chunk's to allow (from JavaScript) or refuse (from markup) before the token goes anywhere.
  // A token past its `exp` (10 s margin, as src/query/customerIdentity.ts) is never sent: the
  // main chunk gets a fresh one from token-url first, or shows the sign-in state.
  if (!shop || !token || !VERSION_AND_SHOP.test(versionAndShop) || expired(token)) return
  try {
    const base = new URL(read('api-base-url', 'apiBaseUrl') ?? DEFAULT_API_BASE_URL, document.baseURI)
    if (base.origin != DEFAULT_API_ORIGIN && base.origin != location.origin) return
    const url = buildCustomerReferralsUrl(base.href, versionAndShop)
    const key = prefetchKey(url, token)
    if (!requests.has(key)) {
      const controller = new AbortController()
      const response = fetch(url, customerReferralsInit(token, '{}', controller.signal))
      // Failures are the main chunk's to report, once it takes the answer.
      response.catch(() => {})
      requests.set(key, { response, controller })
    }
    return key
  } catch {
    // An unusable api-base-url: the main chunk reports it.
  }
}

/** `exp` of a JWT read without verifying; anything unreadable is left to the main chunk. */
function expired(token: string): boolean | undefined {
  try {
    return JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).exp * 1e3 < Date.now() + 1e4
  } catch {}
}
