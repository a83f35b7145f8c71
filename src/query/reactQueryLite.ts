/**
 * The part of `@tanstack/react-query` the widget uses, for the script-tag embed only: the embed
 * build (`vite build --mode embed`) resolves `@tanstack/react-query` to this file, which saves
 * about 9 KB gzip (react-query + query-core are ~10 KB; this is ~1 KB). The npm package, the tests
 * and Storybook keep the real react-query (the design's choice for React hosts).
 *
 * Same behaviour for what the widget relies on (src/query, src/views/ReferralHistory.tsx):
 * - one cache entry per `hashKey(queryKey)`, one request in flight per entry (dedupe), shared by
 *   every widget, StrictMode double mount and remount;
 * - `staleTime` / `gcTime` from the client defaults; a mount fetches only when there is no data or
 *   it is stale; an entry nobody watches is dropped after `gcTime`;
 * - `retry(failureCount, error)` / `retryDelay(failureCount, error)` with 0-based counts, retries
 *   wait while offline or while the page is hidden;
 * - state transitions of react-query 5's reducer: a fetch without data resets to `pending`, a
 *   failure keeps the last data and sets `error` + `errorUpdatedAt`, success clears the error;
 * - `cancelQueries` reverts to the state before the fetch; `mount()` refetches stale entries that
 *   are watched when the page regains focus or the connection returns.
 * Not implemented (the widget uses none): structural sharing, select, placeholders, mutations,
 * suspense, infinite queries, devtools.
 */
import { useCallback, useLayoutEffect, useSyncExternalStore } from 'react'

export type QueryKey = readonly unknown[]

type Status = 'pending' | 'error' | 'success'
type FetchStatus = 'fetching' | 'paused' | 'idle'

export interface QueryState<T = unknown> {
  status: Status
  fetchStatus: FetchStatus
  data: T | undefined
  error: unknown
  dataUpdatedAt: number
  errorUpdatedAt: number
}

interface QueryOptions<T> {
  queryKey: QueryKey
  queryFn: (context: { queryKey: QueryKey; signal: AbortSignal }) => Promise<T>
  retry?: boolean | number | ((failureCount: number, error: unknown) => boolean)
  retryDelay?: number | ((failureCount: number, error: unknown) => number)
  enabled?: boolean
  staleTime?: number
  gcTime?: number
  throwOnError?: boolean
}

interface Defaults {
  staleTime?: number
  gcTime?: number
}

/** react-query's key hash: JSON with the keys of plain objects sorted. */
export function hashKey(queryKey: QueryKey): string {
  return JSON.stringify(queryKey, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )
}

export const queryOptions = <T>(options: T): T => options

/** One fetch of an entry (with its retries). */
interface Run<T> {
  promise: Promise<T>
  cancelled: boolean
  /** The state before the fetch, put back if it is cancelled. */
  revert: QueryState<T>
}

const isOnline = () => navigator.onLine !== false
/** react-query starts a fetch only online, and continues a retry only online and in view. */
const canRun = (retrying: boolean) => isOnline() && (!retrying || document.visibilityState !== 'hidden')

class Query<T = unknown> {
  state: QueryState<T> = { status: 'pending', fetchStatus: 'idle', data: undefined, error: null, dataUpdatedAt: 0, errorUpdatedAt: 0 }
  private listeners = new Set<() => void>()
  private run: Run<T> | undefined
  private gcTimer: ReturnType<typeof setTimeout> | undefined

  private readonly cache: Map<string, Query>
  private readonly hash: string
  options: QueryOptions<T>

  constructor(cache: Map<string, Query>, hash: string, options: QueryOptions<T>) {
    this.cache = cache
    this.hash = hash
    this.options = options
  }

  getObserversCount(): number {
    return this.listeners.size
  }

  subscribe = (listener: () => void): (() => void) => {
    clearTimeout(this.gcTimer)
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        this.gcTimer = setTimeout(() => {
          if (this.listeners.size === 0 && !this.run) this.cache.delete(this.hash)
        }, this.options.gcTime ?? 300_000)
      }
    }
  }

  isStale(): boolean {
    return this.state.data === undefined || Date.now() - this.state.dataUpdatedAt >= (this.options.staleTime ?? 0)
  }

  private set(patch: Partial<QueryState<T>>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of [...this.listeners]) listener()
  }

  fetch(): Promise<T> {
    if (this.run) return this.run.promise
    const run: Run<T> = { promise: Promise.resolve() as Promise<T>, cancelled: false, revert: this.state }
    this.run = run
    this.set({ fetchStatus: 'fetching', ...(this.state.data === undefined && { error: null, status: 'pending' as const }) })
    const { queryKey, queryFn, retry = 3, retryDelay = (count: number) => Math.min(1000 * 2 ** count, 30_000) } = this.options
    const controller = new AbortController()

    const attempt = async (): Promise<T> => {
      for (let failures = 0; ; failures++) {
        await this.whenRunnable(run, failures > 0)
        try {
          return await queryFn({ queryKey, signal: controller.signal })
        } catch (error) {
          const again = !run.cancelled && (typeof retry === 'function' ? retry(failures, error) : retry === true || failures < Number(retry))
          if (!again) throw error
          await new Promise((resolve) => setTimeout(resolve, typeof retryDelay === 'function' ? retryDelay(failures, error) : retryDelay))
          if (run.cancelled) throw error
        }
      }
    }

    run.promise = attempt().then(
      (data) => {
        if (this.run === run) {
          this.run = undefined
          this.set({ status: 'success', fetchStatus: 'idle', data, dataUpdatedAt: Date.now(), error: null })
        }
        return data
      },
      (error: unknown) => {
        if (this.run === run) {
          this.run = undefined
          this.set({ status: 'error', fetchStatus: 'idle', error, errorUpdatedAt: Date.now() })
        }
        throw error
      },
    )
    // Like react-query, nobody has to handle a background failure: it lives in the state.
    run.promise.catch(() => {})
    return run.promise
  }

  /** Waits (fetchStatus `paused`) while offline or hidden, as react-query's retryer does. */
  private async whenRunnable(run: object, retrying: boolean): Promise<void> {
    while (!canRun(retrying) && this.run === run) {
      this.set({ fetchStatus: 'paused' })
      await new Promise((resolve) => {
        addEventListener('online', resolve, { once: true })
        document.addEventListener('visibilitychange', resolve, { once: true })
      })
      if (this.run === run) this.set({ fetchStatus: 'fetching' })
    }
  }

  /** Stops waiting for the fetch and puts back the state from before it (react-query's revert). */
  cancel(): void {
    const run = this.run
    if (!run) return
    run.cancelled = true
    this.run = undefined
    this.set({ ...run.revert, fetchStatus: 'idle' })
  }
}

class QueryCache {
  readonly queries = new Map<string, Query>()

  find({ queryKey }: { queryKey: QueryKey; exact?: boolean }): Query | undefined {
    return this.queries.get(hashKey(queryKey))
  }
}

export class QueryClient {
  private readonly cache = new QueryCache()
  private readonly defaults: Defaults
  private mounts = 0

  constructor(config?: { defaultOptions?: { queries?: Defaults } }) {
    this.defaults = config?.defaultOptions?.queries ?? {}
  }

  getQueryCache(): QueryCache {
    return this.cache
  }

  /** The entry for these options (created on first use), with the latest options applied. */
  build<T>(options: QueryOptions<T>): Query<T> {
    const hash = hashKey(options.queryKey)
    let query = this.cache.queries.get(hash) as Query<T> | undefined
    if (!query) this.cache.queries.set(hash, (query = new Query<T>(this.cache.queries, hash, options) as Query<T>) as Query)
    query.options = { ...this.defaults, ...options }
    return query
  }

  /** Cancels the entry of `queryKey` (exact match), or every entry without a filter. */
  cancelQueries(filters?: { queryKey: QueryKey; exact?: boolean }): Promise<void> {
    const queries = filters ? [this.cache.find(filters)] : [...this.cache.queries.values()]
    for (const query of queries) query?.cancel()
    return Promise.resolve()
  }

  clear(): void {
    for (const query of this.cache.queries.values()) query.cancel()
    this.cache.queries.clear()
  }

  /** Refetches watched, stale entries when the page comes back into view or back online. */
  mount(): void {
    if (this.mounts++ === 0) {
      addEventListener('online', this.refresh)
      addEventListener('focus', this.refresh)
      document.addEventListener('visibilitychange', this.refresh)
    }
  }

  unmount(): void {
    if (--this.mounts === 0) {
      removeEventListener('online', this.refresh)
      removeEventListener('focus', this.refresh)
      document.removeEventListener('visibilitychange', this.refresh)
    }
  }

  private refresh = (): void => {
    if (!canRun(true)) return
    for (const query of this.cache.queries.values()) {
      if (query.getObserversCount() > 0 && query.options.enabled !== false && query.isStale()) void query.fetch()
    }
  }
}

export interface UseQueryResult<T> extends QueryState<T> {
  refetch: () => Promise<T>
}

/** `useQuery(options, client)`: subscribes to the entry and fetches on mount when needed. */
export function useQuery<T>(options: QueryOptions<T>, client: QueryClient): UseQueryResult<T> {
  const query = client.build(options)
  const state = useSyncExternalStore(query.subscribe, () => query.state, () => query.state)
  const enabled = options.enabled !== false
  // A layout effect: the request (or the loader's early answer) is taken as soon as the widget is
  // in the DOM, not after the first paint, which is when Preact (the embed's renderer) runs plain
  // effects, and with them the store subscription above. The widget counts as watching from the
  // same moment: otherwise a widget of the same customer that unmounted just before would find
  // nobody watching this request and abort it (`abortIfAbandoned`), leaving the entry pending.
  // The subset never runs on the server, so there is no server-render warning to avoid.
  useLayoutEffect(() => {
    const stopWatching = query.subscribe(() => {})
    if (enabled && query.isStale() && query.state.fetchStatus === 'idle') void query.fetch()
    return stopWatching
  }, [query, enabled])
  const refetch = useCallback(() => query.fetch(), [query])
  return { ...state, refetch }
}
