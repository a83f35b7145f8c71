import { BubblehouseApiError } from '../../src/api/BubblehouseApiError'
import type { CustomerReferrals } from '../../src/api/types'
import { getViewState, type QuerySnapshot } from '../../src/views/getViewState'

const data: CustomerReferrals = {
  totals: null,
  referrals: [
    {
      referral_bhid: 'a', acceptance_bhid: null, channel: 'sms', destination: null, status: 'invited', link: null,
      sent_at: '2024-05-01T12:00:00Z', accepted_at: null, reward_pts: null, reward_pts_value: null,
      reward_amount: null, coupon_code: null, coupon: null,
    },
  ],
}
const options = { rateLimitCooldownMs: () => 30_000 }
const snapshot = (overrides: Partial<QuerySnapshot>): QuerySnapshot => ({
  status: 'pending', fetchStatus: 'idle', data: undefined, error: null, errorUpdatedAt: 0, ...overrides,
})
const apiError = (status: number, code: string) => new BubblehouseApiError({ status, code, message: code })

describe('getViewState', () => {
  it('shows the configuration problem before anything else', () => {
    expect(getViewState(snapshot({ status: 'success', data }), { ...options, configProblem: 'shop is required' }))
      .toEqual({ type: 'config-error', problem: 'shop is required' })
  })

  it('is loading while the first answer is pending', () => {
    expect(getViewState(snapshot({}), options)).toEqual({ type: 'loading' })
  })

  it('says so when the first load waits for the browser to come back online', () => {
    expect(getViewState(snapshot({ fetchStatus: 'paused' }), options)).toEqual({ type: 'error', code: 'offline', data: null, retrying: false })
    expect(getViewState(snapshot({ fetchStatus: 'fetching' }), options)).toEqual({ type: 'loading' })
  })

  it('is not empty when every row of the answer was left out as unreadable: the history is ready with its note', () => {
    const data = { referrals: [], totals: null, invalidRows: [{ index: 0, field: 'sent_at', expected: 'string' }] }
    expect(getViewState(snapshot({ status: 'success', data }), options).type).toBe('ready')
  })

  it('is empty for a history without rows and ready with rows', () => {
    expect(getViewState(snapshot({ status: 'success', data: { referrals: [], totals: null } }), options).type).toBe('empty')
    expect(getViewState(snapshot({ status: 'success', data }), options)).toEqual({ type: 'ready', data })
  })

  it('asks to sign in again after invalid_token and hides old data', () => {
    expect(getViewState(snapshot({ status: 'error', data, error: apiError(401, 'invalid_token') }), options))
      .toEqual({ type: 'invalid-token' })
  })

  it('keeps the last good data when rate limited and schedules the next try', () => {
    const state = getViewState(
      snapshot({ status: 'error', data, error: apiError(429, 'rate_limit_exceeded'), errorUpdatedAt: 1_000 }),
      options,
    )
    expect(state).toEqual({ type: 'rate-limited', data, retryAt: 31_000 })
  })

  it('reports other failures with their code', () => {
    expect(getViewState(snapshot({ status: 'error', error: apiError(502, 'malformed_response') }), options))
      .toEqual({ type: 'error', code: 'malformed_response', data: null, retrying: false })
    expect(getViewState(snapshot({ status: 'error', error: new Error('boom') }), options))
      .toEqual({ type: 'error', code: 'unexpected_error', data: null, retrying: false })
  })

  it('says the error is being retried while a load runs over it with the last good rows', () => {
    const failed = { status: 'error' as const, data, error: apiError(503, 'service_unavailable') }
    expect(getViewState(snapshot({ ...failed, fetchStatus: 'fetching' }), options))
      .toEqual({ type: 'error', code: 'service_unavailable', data, retrying: true })
    expect(getViewState(snapshot({ ...failed, fetchStatus: 'idle' }), options))
      .toEqual({ type: 'error', code: 'service_unavailable', data, retrying: false })
  })
})
