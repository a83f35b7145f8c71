import type { Referral } from '../api/types'
import { parseApiTime } from './dates'
import { ROWS_PER_PAUSE, runToEnd, type Steps } from '../scheduling/steps'

/**
 * When a row last moved: its acceptance, else its send. Falls back to `sent_at` when `accepted_at`
 * is unreadable so one bad field does not push a row to the bottom. `null` when neither is a time.
 */
export function referralTime(referral: Referral): number | null {
  return parseApiTime(referral.accepted_at) ?? parseApiTime(referral.sent_at)
}

/**
 * Newest first by `accepted_at ?? sent_at`. Stable (equal times keep the API's order) and rows
 * without a readable time go last, in their original order. Returns a new array.
 */
export function sortReferrals(referrals: readonly Referral[]): Referral[] {
  return runToEnd(sortReferralsSteps(referrals))
}

/** {@link sortReferrals} in steps (see `steps.ts`): reading the times is most of the work. */
export function* sortReferralsSteps(referrals: readonly Referral[]): Steps<Referral[]> {
  // Parse each time once rather than in every comparison: this runs over thousands of rows.
  const decorated: { referral: Referral; index: number; time: number | null }[] = []
  for (let index = 0; index < referrals.length; index++) {
    if (index % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) yield
    const referral = referrals[index]!
    decorated.push({ referral, index, time: referralTime(referral) })
  }
  decorated.sort((a, b) => {
    if (a.time === null || b.time === null) {
      if (a.time !== b.time) return a.time === null ? 1 : -1
    } else if (a.time !== b.time) {
      return b.time - a.time
    }
    return a.index - b.index
  })
  if (referrals.length > ROWS_PER_PAUSE) yield
  return decorated.map((entry) => entry.referral)
}
