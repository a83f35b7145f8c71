import { BubblehouseApiError } from '../../src/api/BubblehouseApiError'
import { DEFAULT_RETRY_POLICY, classifyError, rateLimitCooldown, retryDelay, shouldRetry } from '../../src/query/retryPolicy'

const apiError = (status: number, code: string, retryAfterSeconds: number | null = null) =>
  new BubblehouseApiError({ status, code, message: code, retryAfterSeconds })

const policy = { ...DEFAULT_RETRY_POLICY, random: () => 1 }

describe('retry rules by error code', () => {
  it('never retries invalid_token as is', () => {
    expect(shouldRetry(policy, 1, apiError(401, 'invalid_token'))).toBe(false)
  })

  it('retries rate limiting a bounded number of times', () => {
    const error = apiError(429, 'rate_limit_exceeded')
    const attempts = [0, 1, 2, 3, 4].map((failureCount) => shouldRetry(policy, failureCount, error))
    expect(attempts).toEqual([true, true, true, false, false])
  })

  it('retries network errors and 5xx a few times, other 4xx not at all', () => {
    expect(shouldRetry(policy, 0, apiError(0, 'network_error'))).toBe(true)
    expect(shouldRetry(policy, 1, apiError(503, 'malformed_response'))).toBe(true)
    expect(shouldRetry(policy, 2, apiError(500, 'internal_error'))).toBe(false)
    expect(shouldRetry(policy, 1, apiError(400, 'invalid_global_api_version'))).toBe(false)
    expect(shouldRetry(policy, 1, apiError(200, 'malformed_response'))).toBe(false)
    expect(shouldRetry(policy, 1, new TypeError('a bug'))).toBe(false)
  })

  it('classifies errors it does not know as final', () => {
    expect(classifyError('weird')).toBe('final')
  })
})

describe('backoff schedule', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const error = apiError(429, 'rate_limit_exceeded')
    expect([0, 1, 2, 3, 4, 5].map((n) => retryDelay(policy, n, error))).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
  })

  it('spreads retries with jitter between half and all of the delay', () => {
    const error = apiError(429, 'rate_limit_exceeded')
    expect(retryDelay({ ...policy, random: () => 0 }, 2, error)).toBe(2000)
    expect(retryDelay({ ...policy, random: () => 0.5 }, 2, error)).toBe(3000)
  })

  it('honours a Retry-After header if the API ever sends one', () => {
    expect(retryDelay(policy, 0, apiError(429, 'rate_limit_exceeded', 7))).toBe(7000)
  })
})

describe('the automatic retry after the RateLimited state shows', () => {
  const limited = (streak?: { since: number; cycle: number }, retryAfterSeconds: number | null = null) => {
    const error = apiError(429, 'rate_limit_exceeded', retryAfterSeconds)
    if (streak) error.rateLimitStreak = streak
    return error
  }

  it('waits 30 s after the first rate-limited load, then twice as long after each further one, up to 5 min', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((cycle) => rateLimitCooldown(DEFAULT_RETRY_POLICY, limited({ since: 0, cycle }), 60_000))
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000])
  })

  it('stops retrying by itself once the rate limits have lasted 10 minutes', () => {
    expect(rateLimitCooldown(DEFAULT_RETRY_POLICY, limited({ since: 1_000, cycle: 6 }), 1_000 + 599_999)).toBe(300_000)
    expect(rateLimitCooldown(DEFAULT_RETRY_POLICY, limited({ since: 1_000, cycle: 6 }), 1_000 + 600_000)).toBeNull()
  })

  it('waits longer when the server asks for it with Retry-After, never shorter than the backoff', () => {
    expect(rateLimitCooldown(DEFAULT_RETRY_POLICY, limited({ since: 0, cycle: 1 }, 90), 0)).toBe(90_000)
    expect(rateLimitCooldown(DEFAULT_RETRY_POLICY, limited({ since: 0, cycle: 3 }, 5), 0)).toBe(120_000)
  })
})
