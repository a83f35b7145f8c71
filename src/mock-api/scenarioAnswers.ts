import type { Referral } from '../api/types'
import { apiErrorResponse, ERROR_MESSAGES, jsonResponse } from './apiResponses'
import { LONG_VALUES_REFERRALS, PROXY_ERROR_HTML, TYPICAL_REFERRALS, UNKNOWN_VALUES_REFERRALS, totalsOf } from './fixtures'
import { buildManyReferrals } from './manyReferrals'
import { maskDestination } from './maskDestination'
import { isScenarioId, type ScenarioId } from './scenarios'

/** What a scenario answer depends on besides the customer. */
export interface ScenarioContext {
  /** Whether destinations go out unmasked (the caller may and did ask for `deanonymize`). */
  unmask: boolean
  /** How many earlier authenticated requests this scenario has answered (for the *-once ones). */
  earlierRequests: number
  slowDelayMs: number
  signal: AbortSignal
}

/**
 * The answer of an authenticated CustomerReferrals2 call for a customer. Scenario customers
 * behave as `SCENARIOS` describes; any other customer has an empty history.
 */
export async function answerForCustomer(customerId: string, context: ScenarioContext): Promise<Response> {
  if (!isScenarioId(customerId)) return jsonResponse({ referrals: [] })
  return answerScenario(customerId, context)
}

async function answerScenario(scenario: ScenarioId, context: ScenarioContext): Promise<Response> {
  const typical = () =>
    jsonResponse({ totals: totalsOf(TYPICAL_REFERRALS), referrals: withDestinations(TYPICAL_REFERRALS, context.unmask) })
  switch (scenario) {
    case 'typical':
      return typical()
    case 'empty':
      return jsonResponse({ totals: totalsOf([]), referrals: [] })
    case 'many':
      // No totals on purpose: the widget must derive them from the rows.
      return jsonResponse({ referrals: withDestinations(buildManyReferrals(), context.unmask) })
    case 'rate-limited':
      return apiErrorResponse(429, 'rate_limit_exceeded', ERROR_MESSAGES.rateLimitExceeded)
    case 'rate-limited-once':
      return context.earlierRequests === 0
        ? apiErrorResponse(429, 'rate_limit_exceeded', ERROR_MESSAGES.rateLimitExceeded)
        : typical()
    case 'slow':
      await wait(context.slowDelayMs, context.signal)
      return typical()
    case 'server-error':
      return apiErrorResponse(500, 'internal_error', ERROR_MESSAGES.internalError)
    case 'flaky':
      return context.earlierRequests === 0
        ? apiErrorResponse(503, 'service_unavailable', ERROR_MESSAGES.serviceUnavailable)
        : typical()
    case 'malformed': {
      // The rows as an object keyed by their index: not a referrals list at all, so nothing can be shown.
      const referrals = Object.fromEntries(withDestinations(TYPICAL_REFERRALS, context.unmask).map((row, index) => [String(index), row]))
      return jsonResponse({ totals: totalsOf(TYPICAL_REFERRALS), referrals })
    }
    case 'malformed-rows': {
      const referrals = withDestinations(TYPICAL_REFERRALS, context.unmask).map((row): Record<string, unknown> => ({ ...row }))
      const change = (index: number, fields: Record<string, unknown>) => Object.assign(referrals[index] ?? {}, fields)
      // Left out, each named in a console warning: documented fields of the wrong type.
      change(1, { sent_at: 1_748_779_200 }) // seconds since the epoch where an RFC 3339 string belongs
      change(2, { reward_pts: 1.5 })
      change(4, { reward_amount: 5.25 }) // a float where a decimal string belongs
      // Kept: a guessed field in another shape reads as absent, and points as a numeric string count.
      change(0, { coupon: 'WELCOME-10' })
      change(3, { coupon: { title: 'A coupon without its code' } })
      change(5, { reward_pts: '250' })
      return jsonResponse({ totals: totalsOf(TYPICAL_REFERRALS), referrals })
    }
    case 'html-error':
      return new Response(PROXY_ERROR_HTML, { status: 502, headers: { 'Content-Type': 'text/html' } })
    case 'leaky-emails':
      // A broken server: full addresses whatever was asked. The widget must mask them on screen.
      return jsonResponse({ totals: totalsOf(TYPICAL_REFERRALS), referrals: withDestinations(TYPICAL_REFERRALS, true) })
    case 'unknown-values':
      return jsonResponse({ referrals: withDestinations(UNKNOWN_VALUES_REFERRALS, context.unmask) })
    case 'rate-limited-after-first':
      return context.earlierRequests === 0
        ? typical()
        : apiErrorResponse(429, 'rate_limit_exceeded', ERROR_MESSAGES.rateLimitExceeded)
    case 'two-friends': {
      const short = [TYPICAL_REFERRALS[0]!, TYPICAL_REFERRALS[2]!]
      return jsonResponse({ totals: totalsOf(short), referrals: withDestinations(short, context.unmask) })
    }
    case 'long-values':
      // Sent as stored: the destinations are already masked, in a longer style than this mock's own.
      return jsonResponse({ totals: totalsOf(LONG_VALUES_REFERRALS), referrals: [...LONG_VALUES_REFERRALS] })
    default:
      return scenario satisfies never
  }
}

/** Copies of the rows with destinations masked (the default) or, when allowed, in full. */
function withDestinations<T extends Referral>(referrals: readonly T[], unmask: boolean): T[] {
  return referrals.map((row) => ({
    ...row,
    destination: row.destination === null || unmask ? row.destination : maskDestination(row.destination),
  }))
}

/** Resolves after `ms`, or rejects with the abort reason when the caller gives up first, so an
 * abandoned slow request leaves no timer behind. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
