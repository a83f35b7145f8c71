import { API_ERROR_CODES, CLIENT_ERROR_CODES, isBubblehouseApiError } from '../api/BubblehouseApiError'

/**
 * Retry rules by error code (design.md):
 * - `invalid_token`: never retried as is. The query function itself asks for one fresh token and
 *   tries once more; a second `invalid_token` ends in the InvalidToken state.
 * - `rate_limit_exceeded`: capped exponential backoff with jitter (the API sends no `Retry-After`;
 *   one is honoured if it ever appears), then the RateLimited state with its own cooldown.
 * - no HTTP answer, 5xx, a broken token endpoint: a few retries, then Error.
 * - any other 4xx, and a well-formed 2xx whose body does not match the schema: Error at once
 *   (asking again would get the same answer).
 */
export interface RetryPolicy {
  /** Attempts after the first for `rate_limit_exceeded`. */
  rateLimitRetries: number
  /** Attempts after the first for network errors and 5xx. */
  transientRetries: number
  /** First backoff delay in ms; doubles each attempt. */
  baseDelayMs: number
  /** Upper bound of one backoff delay in ms. */
  maxDelayMs: number
  /** Wait before the automatic retry once the RateLimited state shows; it doubles for every
   * further rate-limited load in a row (30 s, 60 s, 120 s, …). */
  rateLimitCooldownMs: number
  /** Upper bound of that wait. */
  rateLimitMaxCooldownMs: number
  /** After this long of nothing but rate-limited answers, no more automatic retries (Retry still
   * works). The API asks callers not to make "duplicate calls". */
  rateLimitGiveUpAfterMs: number
  /** 0..1 source of jitter; injectable so tests can pin the schedule. */
  random: () => number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  rateLimitRetries: 3,
  transientRetries: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  rateLimitCooldownMs: 30_000,
  rateLimitMaxCooldownMs: 5 * 60_000,
  rateLimitGiveUpAfterMs: 10 * 60_000,
  random: Math.random,
}

export type ErrorKind = 'invalid-token' | 'rate-limited' | 'transient' | 'final'

export function classifyError(error: unknown): ErrorKind {
  if (!isBubblehouseApiError(error)) return 'final'
  if (error.code === API_ERROR_CODES.invalidToken) return 'invalid-token'
  if (error.code === API_ERROR_CODES.rateLimitExceeded || error.status === 429) return 'rate-limited'
  if (error.status === 0 || error.status >= 500 || error.code === CLIENT_ERROR_CODES.tokenUnavailable) return 'transient'
  return 'final'
}

/** `failureCount` follows react-query: 0 after the first failure, 1 after the second, … */
export function shouldRetry(policy: RetryPolicy, failureCount: number, error: unknown): boolean {
  switch (classifyError(error)) {
    case 'rate-limited':
      return failureCount < policy.rateLimitRetries
    case 'transient':
      return failureCount < policy.transientRetries
    case 'invalid-token':
    case 'final':
      return false
  }
}

/** Exponential backoff, half fixed and half random ("equal jitter"), so many widgets that were
 * limited together do not come back together. `failureCount` starts at 0 (react-query). */
export function retryDelay(policy: RetryPolicy, failureCount: number, error: unknown): number {
  if (isBubblehouseApiError(error) && error.retryAfterSeconds != null) {
    return Math.min(error.retryAfterSeconds * 1000, policy.rateLimitCooldownMs * 4)
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failureCount))
  return Math.round(exponential / 2 + (exponential / 2) * policy.random())
}

/**
 * How long after the RateLimited state shows the widget tries again by itself, or `null` for not
 * at all: the wait doubles with every rate-limited load in a row (30 s, 60 s, 120 s, … up to
 * 5 min), and after 10 minutes of nothing but rate limits the widget stops asking by itself (the
 * Retry button still works). A `Retry-After` from the server is honoured when it asks for longer.
 */
export function rateLimitCooldown(policy: RetryPolicy, error: unknown, failedAt: number): number | null {
  const streak = isBubblehouseApiError(error) ? error.rateLimitStreak : undefined
  if (streak && failedAt - streak.since >= policy.rateLimitGiveUpAfterMs) return null
  const cycle = Math.max(1, streak?.cycle ?? 1)
  const backoff = Math.min(policy.rateLimitMaxCooldownMs, policy.rateLimitCooldownMs * 2 ** (cycle - 1))
  const asked = isBubblehouseApiError(error) && error.retryAfterSeconds != null ? error.retryAfterSeconds * 1000 : 0
  return Math.max(backoff, asked)
}
