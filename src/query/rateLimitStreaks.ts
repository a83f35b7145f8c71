import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { isBubblehouseApiError, type RateLimitStreak } from '../api/BubblehouseApiError'
import { classifyError } from './retryPolicy'

/**
 * The unbroken run of rate-limited answers per customer (per QueryClient): when it began and how
 * many loads it has ended, so the automatic retry backs off from load to load and stops after a
 * while (`rateLimitCooldown`). Any other outcome ends the run. Memory only.
 */
const streaks = new WeakMap<QueryClient, Map<string, RateLimitStreak & { lastAt: number }>>()

/**
 * Records how a request of the history query `queryKey` for `customer` ended, and stamps a
 * rate-limit error with its run. A load is react-query's fetch with its retries: its first
 * request starts the next cycle of the run.
 */
export function recordRateLimitOutcome(
  client: QueryClient | undefined,
  queryKey: QueryKey,
  customer: string,
  error: unknown,
  /** A run whose last rate limit is older than this is over (automatic retries had stopped, the
   * tab slept): the next 429 starts a new one, with the short wait and automatic retries again. */
  staleAfterMs: number,
): void {
  if (!client) return
  let byCustomer = streaks.get(client)
  if (!byCustomer) streaks.set(client, (byCustomer = new Map()))
  if (!isBubblehouseApiError(error) || classifyError(error) !== 'rate-limited') {
    byCustomer.delete(customer)
    return
  }
  const firstRequestOfLoad = (client.getQueryCache().find({ queryKey, exact: true })?.state.fetchFailureCount ?? 0) === 0
  const now = Date.now()
  const last = byCustomer.get(customer)
  const previous = last && now - last.lastAt <= staleAfterMs ? last : undefined
  const streak = !previous ? { since: now, cycle: 1 } : { since: previous.since, cycle: previous.cycle + (firstRequestOfLoad ? 1 : 0) }
  byCustomer.set(customer, { ...streak, lastAt: now })
  error.rateLimitStreak = streak
}

/** Forgets every run of `client` (a reset). */
export function forgetRateLimitStreaks(client: QueryClient): void {
  streaks.delete(client)
}
