import { prefetchKey, type PrefetchedRequests } from '../api/customerReferralsRequest'
import type { SendRequest } from '../api/fetchCustomerReferrals'

/**
 * The main chunk's side of the loader's early API requests (src/embed/prefetch.ts starts them).
 * They reach the widget through the query layer like any request: the widget is given this fetch,
 * which answers with the early request when it is that very request (same URL, same token, the
 * plain body), once, and sends any other to the network.
 */
export function fetchWithEarlyRequests(requests: PrefetchedRequests): SendRequest {
  return (url, init) => {
    const token = new Headers(init.headers).get('Authorization')?.replace(/^Bearer /, '')
    const entry = token && init.body === '{}' ? requests.get(prefetchKey(url, token)) : undefined
    if (!entry || entry.taken) return fetch(url, init)
    // The widget's query owns it from now on; the entry stays taken, so a remount or a second
    // widget of the same customer is answered by the query cache, not by another request.
    entry.taken = true
    init.signal?.throwIfAborted()
    init.signal?.addEventListener('abort', () => entry.controller.abort(), { once: true })
    return entry.response
  }
}

/** The widget that asked for `key` went away: abort its early request if no query took it. */
export function releaseEarlyRequest(requests: PrefetchedRequests, key: string | undefined): void {
  const entry = key === undefined ? undefined : requests.get(key)
  if (entry && !entry.taken) {
    entry.controller.abort()
    requests.delete(key!)
  }
}

/** Aborts and forgets every early request (a reset: the shopper signed out). */
export function forgetEarlyRequests(requests: PrefetchedRequests): void {
  for (const entry of requests.values()) if (!entry.taken) entry.controller.abort()
  requests.clear()
}
