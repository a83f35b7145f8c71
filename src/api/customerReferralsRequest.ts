/**
 * The CustomerReferrals2 request itself (URL and fetch options), in a module of its own so the
 * script-tag loader can start exactly the request the fetch wrapper would make, in parallel with
 * the download of the main chunk, without bundling the wrapper (see src/embed/prefetch.ts).
 */
import { ownOptions } from './ownOptions'

export const DEFAULT_API_ORIGIN = 'https://app.bubblehouse.com'
export const DEFAULT_API_BASE_URL = `${DEFAULT_API_ORIGIN}/api`
export const DEFAULT_API_VERSION = 'v2023061'

/** A shop slug: one path segment of letters, digits, `-` and `_`, not starting with `-`.
 * Never `.` or `..`, so a shop can never walk the URL to another path of the API (`shop=".."` sent
 * the token to `…/api/CustomerReferrals2`). */
export const SHOP_SLUG = /^\w[\w-]*$/
/** The API's global version: `v` and digits (`v2023061`). */
export const API_VERSION = /^v\d+$/
/** `<version>/<shop>`, both as above, in one test: the loader's form (one regex is fewer bytes). */
export const VERSION_AND_SHOP = /^v\d+\/\w[\w-]*$/

/** Builds `{apiBaseUrl}/{apiVersion}/{shop}/CustomerReferrals2`. The shop must be a slug and the
 * version `v` + digits (a TypeError names the fix otherwise): neither can add path segments, walk
 * the path or add a query string. In a browser the base is resolved against the document (a
 * relative one, and a normalised absolute one: the loader and the main chunk build the same string
 * either way); in Node it is used as is. Which origins the base may name is the caller's check
 * (`resolveConfig` for the widget, `prefetch.ts` for the loader). */
export function customerReferralsUrl(input: { shop: string; apiBaseUrl?: string | undefined; apiVersion?: string | undefined }): string {
  const options = ownOptions(input)
  const version = options.apiVersion ?? DEFAULT_API_VERSION
  const problem = shopOrVersionProblem(options.shop, version)
  if (problem) throw new TypeError(problem)
  const base = options.apiBaseUrl ?? DEFAULT_API_BASE_URL
  return buildCustomerReferralsUrl(typeof document == 'undefined' ? base : new URL(base, document.baseURI).href, `${version}/${options.shop}`)
}

/** What is wrong with a shop or a version as URL segments (the fix, in words), or null. The
 * widget shows the same text in its configuration notice. */
export function shopOrVersionProblem(shop: unknown, version: unknown): string | null {
  if (typeof shop != 'string' || !SHOP_SLUG.test(shop)) {
    return '[referral-history] "shop" must be a shop slug such as "my-shop" (letters, digits, "-" and "_"), not a URL or path.'
  }
  if (typeof version != 'string' || !API_VERSION.test(version)) {
    return '[referral-history] "apiVersion" (attribute api-version) must be "v" followed by digits, e.g. "v2023061".'
  }
  return null
}

/** The URL from a resolved base and `<version>/<shop>` already checked against
 * {@link VERSION_AND_SHOP} (the loader checks it itself, without the messages). */
export const buildCustomerReferralsUrl = (base: string, versionAndShop: string): string =>
  `${base.replace(/\/+$/, '')}/${versionAndShop}/CustomerReferrals2`

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
 * A request the embed's loader started before the widget asked (src/embed/prefetch.ts). The loader
 * only starts requests and files them by {@link prefetchKey}; handing them to the widget and
 * aborting them is the main chunk's (src/embed/earlyRequests.ts), so that code is not on every
 * page of the store.
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
