/**
 * The CustomerReferrals2 request itself (URL and fetch options), in a module of its own so the
 * script-tag loader can start exactly the request the fetch wrapper would make, in parallel with
 * the download of the main chunk, without bundling the wrapper (see src/embed/prefetch.ts).
 */

export const DEFAULT_API_BASE_URL = 'https://app.bubblehouse.com/api'
export const DEFAULT_API_VERSION = 'v2023061'

/** Builds `{apiBaseUrl}/{apiVersion}/{shop}/CustomerReferrals2`. Shop and version are path
 * segments, so they are encoded: a slug can never add path segments or a query string. */
export function customerReferralsUrl(options: { shop: string; apiBaseUrl?: string | undefined; apiVersion?: string | undefined }): string {
  const base = (options.apiBaseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '')
  const version = encodeURIComponent(options.apiVersion ?? DEFAULT_API_VERSION)
  const absoluteBase =
    /^[a-z][a-z\d+.-]*:/i.test(base) || typeof document === 'undefined' ? base : new URL(base, document.baseURI).href
  return `${absoluteBase}/${version}/${encodeURIComponent(options.shop)}/CustomerReferrals2`
}

/** POST with a JSON body (the API's recommended style), the token only in `Authorization`. */
export function customerReferralsInit(token: string, body: string, signal?: AbortSignal): RequestInit {
  return {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body,
    // The token is the only credential: no cookies to the API, no referrer leaking the page URL.
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    signal,
  }
}

/**
 * Requests started before the fetch wrapper asked (by the embed's loader), by `url + token`. Each
 * is handed out once; `abort` cancels it when the widget that takes it goes away.
 */
export interface PrefetchedRequests {
  take(url: string, token: string): { response: Promise<Response>; abort: () => void } | undefined
}

let prefetched: PrefetchedRequests | undefined

/** Called by the embed's main chunk with the loader's requests (a page has one set). */
export function setPrefetchedRequests(requests: PrefetchedRequests): void {
  prefetched = requests
}

/** The prefetched answer for this exact request, if one was started and not yet taken. */
export function takePrefetchedRequest(url: string, token: string): { response: Promise<Response>; abort: () => void } | undefined {
  return prefetched?.take(url, token)
}
