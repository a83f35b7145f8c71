import type { Referral } from '../api/types'
import { KNOWN_REFERRAL_CHANNELS } from '../api/types'
import { daysBeforeReference, monetary } from './fixtures'

/** Row count of the `many` scenario. */
export const MANY_REFERRALS_COUNT = 5000

const SEED = 20250615

/** mulberry32: a tiny seeded PRNG, so `many` is the same rows on every machine and every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const hex16 = (prefix: string, n: number) => prefix + n.toString(16).padStart(16 - prefix.length, '0')

/**
 * The `many` scenario's 5,000 rows: about three years of history over every channel and status,
 * with shared links used by several friends. Deterministic (seeded PRNG, fixed reference date).
 * Built on each call so callers may not share (and mutate) one array.
 */
export function buildManyReferrals(): Referral[] {
  const random = seededRandom(SEED)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const rows: Referral[] = []
  let send = 0
  while (rows.length < MANY_REFERRALS_COUNT) {
    send++
    const referralBhid = hex16('21', send)
    const channel = random() < 0.3 ? 'email' : pick(KNOWN_REFERRAL_CHANNELS)
    const sentDaysAgo = 1 + random() * 1095
    // Public posts are the sends several friends use; personal ones reach one person.
    const personal = channel === 'email' || channel === 'sms' || channel === 'custom-personal'
    const friends = personal ? 1 : 1 + Math.floor(random() * random() * 4)
    for (let friend = 0; friend < friends && rows.length < MANY_REFERRALS_COUNT; friend++) {
      const roll = random()
      const status =
        roll < 0.35 ? 'approved' : roll < 0.65 ? 'invited' : roll < 0.8 ? 'qualified' : roll < 0.95 ? 'rejected' : 'expired'
      const accepted = status === 'approved' || status === 'qualified' || status === 'rejected'
      const reward = random()
      rows.push({
        referral_bhid: referralBhid,
        acceptance_bhid: accepted ? hex16('22', rows.length + 1) : null,
        channel,
        destination: channel === 'email' ? `friend${rows.length + 1}@example.com` : null,
        status,
        link: status === 'expired' ? null : `https://demo-shop.example/r/M${send.toString(36).toUpperCase()}`,
        sent_at: daysBeforeReference(sentDaysAgo),
        accepted_at: accepted ? daysBeforeReference(Math.max(0.01, sentDaysAgo - random() * 14)) : null,
        reward_pts: status === 'approved' && reward < 0.6 ? 500 : null,
        reward_pts_value: status === 'approved' && reward < 0.6 ? monetary(5_000_000) : null,
        reward_amount: status === 'approved' && reward >= 0.6 && reward < 0.85 ? monetary(10_000_000) : null,
        coupon_code: status === 'approved' && reward >= 0.85 ? `MANY-${(rows.length + 1).toString(36).toUpperCase()}` : null,
        coupon: null,
      })
    }
  }
  return rows
}
