import { QueryClient } from '@tanstack/react-query'

let browserClient: QueryClient | undefined

function createClient(onServer: boolean): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Referral history changes slowly; a remount or a second widget within a minute reuses
        // the answer instead of asking the rate-limited API again.
        staleTime: 60_000,
        // A server render's client is thrown away with the request: a gc timer would only keep
        // Node busy (and the cache in memory) for minutes after renderToString returned.
        gcTime: onServer ? Infinity : 5 * 60_000,
      },
    },
  })
}

/**
 * The widget's own QueryClient, shared by every instance on the page so that any number of
 * widgets for one customer make one request. It is never the host app's client: a host that uses
 * react-query keeps its cache and defaults to itself. On the server a fresh client per call keeps
 * one visitor's data out of another's render.
 */
export function getSharedQueryClient(): QueryClient {
  if (typeof window === 'undefined') return createClient(true)
  browserClient ??= createClient(false)
  return browserClient
}
