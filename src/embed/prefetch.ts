import { customerReferralsInit, customerReferralsUrl, type PrefetchedRequests } from '../api/customerReferralsRequest'

/** What the loader knows of a widget before the main chunk is there (attributes or JS props). */
export interface PrefetchInput {
  shop?: unknown
  token?: unknown
  apiBaseUrl?: unknown
  apiVersion?: unknown
}

interface Started {
  response: Promise<Response>
  abort: () => void
  taken?: boolean
}

export interface Prefetcher extends PrefetchedRequests {
  /** Starts the widget's CustomerReferrals2 request (once per URL and token). Returns a function
   * that aborts it if the main chunk has not taken it yet (the widget went away first). */
  start(input: unknown): () => void
}

const text = (value: unknown) => (typeof value === 'string' && value.trim()) || undefined

/**
 * Part of the loader: when a widget with a `token` comes near the viewport, its API request starts
 * at once, in parallel with the main chunk's download, instead of after it (time to rows is then
 * about max(API, chunk) rather than their sum). The main chunk's fetch wrapper takes the answer
 * (`takePrefetchedRequest`), so it is the single request the widget would have made: same URL,
 * headers and body, built by the same functions. Widgets with `token-url` or `getToken` start
 * after the main chunk (their token comes first). A taken entry stays, so a remount or a second
 * widget of the same customer does not start another request (the query cache answers them).
 */
export function createPrefetcher(): Prefetcher {
  const started = new Map<string, Started>()
  return {
    start(input) {
      // `Object()`: whatever a plain-JS caller passed to mount(), this never throws.
      const { shop, token, apiBaseUrl, apiVersion } = Object(input) as PrefetchInput
      let key = ''
      try {
        const url = customerReferralsUrl({ shop: text(shop) ?? '', apiBaseUrl: text(apiBaseUrl), apiVersion: text(apiVersion) })
        key = `${url} ${text(token)}`
        if (text(shop) && text(token) && !started.has(key)) {
          const controller = new AbortController()
          const response = fetch(url, customerReferralsInit(text(token)!, '{}', controller.signal))
          // Failures are the main chunk's to report, once it takes the answer.
          response.catch(() => {})
          started.set(key, { response, abort: () => controller.abort() })
        }
      } catch {
        // An unusable api-base-url: the main chunk reports it.
      }
      return () => {
        const entry = started.get(key)
        if (entry && !entry.taken) {
          entry.abort()
          started.delete(key)
        }
      }
    },
    take(url, token) {
      const entry = started.get(`${url} ${token}`)
      if (entry && !entry.taken) {
        entry.taken = true
        return entry
      }
      return undefined
    },
  }
}
