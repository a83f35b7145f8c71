import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { isBubblehouseApiError, type RateLimitStreak } from '../api/BubblehouseApiError'
import { classifyError } from './retryPolicy'

/**
 * The unbroken run of rate-limited answers per customer (per QueryClient): when it began and how
 * many loads it has ended, so the automatic retry backs off from load to load and stops after a
 * while (`rateLimitCooldown`). Any other outcome ends the run. Memory only.
 */
const streaks = new WeakMap<QueryClient, Map<string, RateLimitStreak>>()

/**
 * Records how a request of the history query `queryKey` for `customer` ended, and stamps a
 * rate-limit error with its run. A load is react-query's fetch with its retries: its first
 * request starts the next cycle of the run.
 */
export function recordRateLimitOutcome(client: QueryClient | undefined, queryKey: QueryKey, customer: string, error: unknown): void {
  if (!client) return
  let byCustomer = streaks.get(client)
  if (!byCustomer) streaks.set(client, (byCustomer = new Map()))
  if (!isBubblehouseApiError(error) || classifyError(error) !== 'rate-limited') {
    byCustomer.delete(customer)
    return
  }
  const firstRequestOfLoad = (client.getQueryCache().find({ queryKey, exact: true })?.state.fetchFailureCount ?? 0) === 0
  const previous = byCustomer.get(customer)
  const streak = !previous ? { since: Date.now(), cycle: 1 } : firstRequestOfLoad ? { ...previous, cycle: previous.cycle + 1 } : previous
  byCustomer.set(customer, streak)
  error.rateLimitStreak = streak
}

/** Forgets every run of `client` (a reset). */
export function forgetRateLimitStreaks(client: QueryClient): void {
  streaks.delete(client)
}
