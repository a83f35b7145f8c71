import type { Referral } from '../api/types'
import { parseApiTime } from './dates'

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
  // Parse each time once rather than in every comparison: this runs over thousands of rows.
  const decorated = referrals.map((referral, index) => ({ referral, index, time: referralTime(referral) }))
  decorated.sort((a, b) => {
    if (a.time === null || b.time === null) {
      if (a.time !== b.time) return a.time === null ? 1 : -1
    } else if (a.time !== b.time) {
      return b.time - a.time
    }
    return a.index - b.index
  })
  return decorated.map((entry) => entry.referral)
}
