import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query'

/**
 * The HTTP request in flight per query (per QueryClient), so that a query has at most one, and a
 * query that stops fetching without it aborts it.
 *
 * The query functions deliberately do not read react-query's own `signal`: reading it makes
 * react-query abort the fetch the moment the last observer unmounts, and React StrictMode (and a
 * quick remount) unmounts every widget once, which would cost a second request. So each request
 * gets its own controller here, aborted
 * - when a new fetch of the same query starts (react-query's `refetch()` cancels the running fetch
 *   and starts another by default; without this both requests would stay in flight),
 * - when react-query cancels the query (`cancelQueries`, a reset): it then leaves `fetching`
 *   while the request still runs, or when the query is removed from the cache,
 * - when, a tick after its last widget unmounted, nobody watches the query any more
 *   ({@link abortIfAbandoned}).
 */
const registries = new WeakMap<QueryClient, Map<string, AbortController>>()

function registry(client: QueryClient): Map<string, AbortController> {
  let requests = registries.get(client)
  if (!requests) {
    const created = new Map<string, AbortController>()
    registries.set(client, (requests = created))
    client.getQueryCache().subscribe((event) => {
      // A request is registered only while its query function runs, and the query is `fetching`
      // all that time unless react-query cancelled it (a success or failure settles the query
      // function, which unregisters, before react-query updates the query).
      if (event.type === 'updated' && event.query.state.fetchStatus !== 'fetching') created.get(event.query.queryHash)?.abort()
      // A removed query (a token source's last widget gone, a reset) is cancelled silently, with
      // no update: its request would run on for nobody.
      if (event.type === 'removed') created.get(event.query.queryHash)?.abort()
    })
  }
  return requests
}

/**
 * Runs one request of the query `queryKey` with an abort signal of its own (see above). Without a
 * client there is nothing to watch, and react-query's own signal is used.
 */
export async function runAbortable<T>(
  client: QueryClient | undefined,
  queryKey: QueryKey,
  querySignal: () => AbortSignal,
  request: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (!client) return request(querySignal())
  const requests = registry(client)
  const hash = hashKey(queryKey)
  // Only one fetch of a query runs at a time, so a request still registered belongs to a fetch
  // react-query has already replaced: at most one request per query is ever in flight.
  requests.get(hash)?.abort()
  const controller = new AbortController()
  requests.set(hash, controller)
  try {
    return await request(controller.signal)
  } finally {
    if (requests.get(hash) === controller) requests.delete(hash)
  }
}

/** Cancels the query and aborts its HTTP request if no widget observes it any more. */
export function abortIfAbandoned(client: QueryClient, queryKey: QueryKey): void {
  const query = client.getQueryCache().find({ queryKey, exact: true })
  if (!query || query.getObserversCount() > 0 || query.state.fetchStatus !== 'fetching') return
  void client.cancelQueries({ queryKey, exact: true })
  registries.get(client)?.get(hashKey(queryKey))?.abort()
}

/** Aborts every request in flight of `client` (a reset). */
export function abortAllRequests(client: QueryClient): void {
  const requests = registries.get(client)
  if (!requests) return
  for (const controller of requests.values()) controller.abort()
  requests.clear()
}
