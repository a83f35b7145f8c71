import { CLIENT_ERROR_CODES, isBubblehouseApiError } from '../api/BubblehouseApiError'
import type { CustomerReferrals } from '../api/types'
import { classifyError } from '../query/retryPolicy'

/** What the widget shows. One view file per `type`; the root switches on it exhaustively. */
export type ViewState =
  | { type: 'config-error'; problem: string }
  | { type: 'loading' }
  | { type: 'empty'; data: CustomerReferrals }
  | { type: 'ready'; data: CustomerReferrals }
  | { type: 'invalid-token' }
  /** `retryAt`: when the widget tries again by itself; `null` when it no longer does. */
  | { type: 'rate-limited'; data: CustomerReferrals | null; retryAt: number | null }
  /** `retrying`: a load runs again over the failed one (Retry, or the connection came back); with
   * no rows kept it shows as Loading instead, so this is the case with the last good rows. */
  | { type: 'error'; code: string; data: CustomerReferrals | null; retrying: boolean }

export type ViewStateType = ViewState['type']

/** The parts of a react-query result that decide the view (a structural subset of UseQueryResult). */
export interface QuerySnapshot {
  status: 'pending' | 'error' | 'success'
  /** `paused`: react-query holds the request because the browser is offline. */
  fetchStatus: 'fetching' | 'paused' | 'idle'
  data: CustomerReferrals | undefined
  error: unknown
  errorUpdatedAt: number
}

/**
 * Picks the view state. Pure: no React, no clock of its own (the cooldown is passed in), so a plain
 * unit test covers every branch.
 *
 * - A configuration problem wins over everything (there is no query to speak of).
 * - While the first load runs, including its retries and backoff, the view is Loading; while it
 *   waits for the browser to come back online, it is Error (`offline`), and it loads by itself
 *   once the connection returns.
 * - An expired session hides data (it may be someone else's session by now).
 * - Rate limiting and other errors keep the last good data beside the notice.
 */
export function getViewState(
  query: QuerySnapshot,
  options: { configProblem?: string | null; rateLimitCooldownMs: (error: unknown, failedAt: number) => number | null },
): ViewState {
  if (options.configProblem) return { type: 'config-error', problem: options.configProblem }

  if (query.status === 'error') {
    const data = query.data ?? null
    switch (classifyError(query.error)) {
      case 'invalid-token':
        return { type: 'invalid-token' }
      case 'rate-limited': {
        const cooldown = options.rateLimitCooldownMs(query.error, query.errorUpdatedAt)
        return { type: 'rate-limited', data, retryAt: cooldown === null ? null : query.errorUpdatedAt + cooldown }
      }
      case 'transient':
      case 'final':
        return {
          type: 'error',
          code: isBubblehouseApiError(query.error) ? query.error.code : 'unexpected_error',
          data,
          // react-query keeps a failed query's error while it loads again over kept data, with
          // its own retries and backoff (seconds): without this, Retry looked as if it did nothing.
          retrying: query.fetchStatus === 'fetching',
        }
    }
  }

  if (query.status === 'pending' && query.fetchStatus === 'paused') {
    return { type: 'error', code: CLIENT_ERROR_CODES.offline, data: null, retrying: false }
  }
  if (query.status === 'pending' || query.data === undefined) return { type: 'loading' }
  // "No referrals yet" only when the answer had none: rows left out as unreadable are not nothing.
  if (query.data.referrals.length === 0 && !query.data.invalidRows?.length) return { type: 'empty', data: query.data }
  return { type: 'ready', data: query.data }
}
