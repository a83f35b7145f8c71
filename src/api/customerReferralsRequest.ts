/**
 * The CustomerReferrals2 request itself (URL and fetch options), in a module of its own so the
 * script-tag loader can start exactly the request the fetch wrapper would make, in parallel with
 * the download of the main chunk, without bundling the wrapper (see src/embed/prefetch.ts).
 */

export const DEFAULT_API_BASE_URL = 'https://app.bubblehouse.com/api'
export const DEFAULT_API_VERSION = 'v2023061'

/** Builds `{apiBaseUrl}/{apiVersion}/{shop}/CustomerReferrals2`. Shop and version are path
 * segments, so they are encoded: a slug can never add path segments or a query string. In a
 * browser the base is resolved against the document (a relative one, and a normalised absolute
 * one: the loader and the main chunk build the same string either way); in Node it is used as is. */
export function customerReferralsUrl(options: { shop: string; apiBaseUrl?: string | undefined; apiVersion?: string | undefined }): string {
  const base = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  const resolved = (typeof document == 'undefined' ? base : new URL(base, document.baseURI).href).replace(/\/+$/, '')
  return `${resolved}/${encodeURIComponent(options.apiVersion ?? DEFAULT_API_VERSION)}/${encodeURIComponent(options.shop)}/CustomerReferrals2`
}

/** POST with a JSON body (the API's recommended style, and its documented example's headers), the
 * token only in `Authorization`. */
export function customerReferralsInit(token: string, body: string, signal?: AbortSignal): RequestInit {
  return {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body,
    // The token is the only credential: no cookies to the API, no referrer leaking the page URL.
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    signal,
  }
}

/**
 * A request the embed's loader started before the fetch wrapper asked (src/embed/prefetch.ts). The
 * loader only starts requests and files them here; handing them out and aborting them is the main
 * chunk's (this module), so that code is not on every page of the store.
 */
export interface PrefetchedRequest {
  response: Promise<Response>
  controller: AbortController
  /** Handed out to the widget's query: it owns the request from then on. */
  taken?: boolean
}

/** The loader's requests by {@link prefetchKey}. A taken entry stays, so a remount or a second
 * widget of the same customer does not start another request (the query cache answers them). */
export type PrefetchedRequests = Map<string, PrefetchedRequest>

export const prefetchKey = (url: string, token: string): string => `${url} ${token}`

let prefetched: PrefetchedRequests | undefined

/** Called by the embed's main chunk with the loader's requests (a page has one set). */
export function setPrefetchedRequests(requests: PrefetchedRequests): void {
  prefetched = requests
}

/** The prefetched answer for this exact request, once, if one was started and not yet taken. */
export function takePrefetchedRequest(url: string, token: string): { response: Promise<Response>; abort: () => void } | undefined {
  const entry = prefetched?.get(prefetchKey(url, token))
  if (!entry || entry.taken) return undefined
  entry.taken = true
  return { response: entry.response, abort: () => entry.controller.abort() }
}

/** Aborts and forgets every request the loader started (a reset: the shopper signed out). */
export function forgetPrefetchedRequests(): void {
  for (const entry of prefetched?.values() ?? []) if (!entry.taken) entry.controller.abort()
  prefetched?.clear()
}

/** The widget that asked for `key` went away: abort its request if no query took it. */
export function releasePrefetchedRequest(key: string | undefined): void {
  const entry = key === undefined ? undefined : prefetched?.get(key)
  if (entry && !entry.taken) {
    entry.controller.abort()
    prefetched!.delete(key!)
  }
}
