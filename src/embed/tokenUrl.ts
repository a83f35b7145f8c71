import { API_ERROR_CODES, BubblehouseApiError } from '../api/BubblehouseApiError'
import type { GetToken } from '../query/customerReferralsQueryOptions'
import { reportOnce } from '../views/reportOnce'

/** A token source built from `token-url`: the getter plus the key that lets widgets share it. */
export interface TokenUrlSource {
  getToken: GetToken
  /** `token-url:<absolute url>`: widgets with the same endpoint share one cache entry and request. */
  tokenSourceKey: string
}

/**
 * Turns a `token-url` attribute into a token getter, or `null` (with a console error naming the
 * fix) when the URL is unusable. Same-origin only: the endpoint answers with a customer's token,
 * so it must be the merchant's own, reached with the shopper's session cookie and never a third
 * party's. Messages name the origin at most, never the full URL (it could carry a query string).
 */
export function tokenUrlSource(raw: string): TokenUrlSource | null {
  let url: URL
  try {
    url = new URL(raw, document.baseURI)
  } catch {
    reportOnce('error', '[referral-history] "token-url" is not a valid URL: use a path on your store such as "/apps/bubblehouse/token".')
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    reportOnce('error', '[referral-history] "token-url" must be an http(s) URL or a path on your store, e.g. "/apps/bubblehouse/token".')
    return null
  }
  if (url.origin !== location.origin) {
    reportOnce(
      'error',
      `[referral-history] "token-url" must be on this page's origin (${location.origin}), not ${url.origin}: the widget only asks your own store for customer tokens. Use a path such as "/apps/bubblehouse/token".`,
    )
    return null
  }
  const href = url.href
  return { getToken: ({ signal } = {}) => fetchToken(href, signal), tokenSourceKey: `token-url:${href}` }
}

/**
 * GET the merchant endpoint with the shopper's cookies and read `{"token":"<jwt>"}`.
 *
 * Redirects are never followed (`redirect: 'manual'`): a redirect is what a storefront answers a
 * signed-out shopper (to its login page), and following one elsewhere would let whoever controls
 * the target choose the token the widget uses. A redirect therefore means "no token": the
 * sign-in-again state, as for 401 and 403.
 */
async function fetchToken(href: string, signal: AbortSignal | undefined): Promise<string> {
  const response = await fetch(href, {
    method: 'GET',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json' },
    redirect: 'manual',
    signal,
  })
  // Browsers hand a manual redirect over as an opaque response (status 0); other fetch
  // implementations as the 3xx itself. `redirected` is checked too, in case one followed it anyway.
  const redirect = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) || response.redirected
  // The merchant says the shopper is not signed in (any more): that is the sign-in-again state,
  // not an outage, and asking again will not change the answer.
  if (redirect || response.status === 401 || response.status === 403) {
    throw new BubblehouseApiError({
      status: response.status,
      code: API_ERROR_CODES.invalidToken,
      message: redirect
        ? '[referral-history] token-url answered with a redirect (to a login page?): treated as "not signed in". It must answer {"token":"<customer jwt>"} itself, or 401 when nobody is signed in.'
        : `[referral-history] token-url answered HTTP ${response.status}: the shopper is not signed in.`,
    })
  }
  if (!response.ok) throw new Error(`[referral-history] token-url answered HTTP ${response.status}.`)
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new Error('[referral-history] token-url did not answer JSON: it must answer {"token":"<customer jwt>"}.')
  }
  const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined
  if (typeof token !== 'string' || token.trim() === '') {
    throw new Error('[referral-history] token-url answered without a "token" string: it must answer {"token":"<customer jwt>"}.')
  }
  return token
}
