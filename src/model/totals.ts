import type { CustomerReferrals, Referral } from '../api/types'
import { type Micros, parseMonetary } from './money'
import { ROWS_PER_PAUSE, runToEnd, type Steps } from '../scheduling/steps'

/**
 * The figures of the summary. Counts are plain numbers; money is exact micros.
 *
 * Sources: each figure the server's totals object carries wins (it may count things the rows do
 * not show); every other figure is derived from the rows, which are the complete history (no
 * pagination).
 *
 * What counts as earned: only `approved` rows. A `qualified` row may already carry its reward
 * amount, but that reward is still in its waiting period and can be rejected, so the row shows it
 * next to its status while the summary does not add it to what was earned.
 */
export interface ReferralTotalsSummary {
  /** Every referral row (never the server's `sent`, whose unit is undocumented). Rows with an
   * unknown status count here only. */
  friendsReferred: number
  /** `approved` rows (server: `approved`). */
  rewarded: number
  /** `invited` + `qualified` rows. The server reports no such figure. */
  waiting: number
  /** `rejected` (server: `rejected`) + `expired` rows. */
  notRewarded: number
  /** Points from approved rows (server: `earned_pts`). `null` when nothing reports points, so a
   * money-only program does not show "0 points". */
  pointsEarned: number | null
  /** Sum of `reward_amount` over approved rows (server: `earned_amount`). Kept apart from the
   * points' value: the two are different rewards and adding them would count a point reward twice
   * if the shop also paid its value. `null` when nothing reports money. */
  moneyEarned: Micros | null
  /** What the points earned are worth, from `reward_pts_value`. Only when every approved row with
   * points has a value and the points figure itself came from those rows; otherwise the estimate
   * would cover a different set of points than the figure beside it, so it is `null`. */
  pointsValue: Micros | null
}

/** What the rows alone say; combined with the server's figures by {@link computeTotals}. */
export interface RowFigures {
  total: number
  byStatus: Map<string, number>
  /** `null` when no approved row carries points. */
  points: number | null
  /** `null` when no approved row carries a money reward. */
  money: Micros | null
  /** `null` when some approved row with points has no (readable) value. */
  pointsValue: Micros | null
}

/** `rows`: the figures of `data.referrals` when already computed (see `PreparedHistory`). */
export function computeTotals(
  data: CustomerReferrals,
  rows: RowFigures = runToEnd(rowFiguresSteps(data.referrals)),
): ReferralTotalsSummary {
  const server = data.totals
  const count = (status: string) => rows.byStatus.get(status) ?? 0

  const pointsEarned = server?.earned_pts ?? rows.points
  const serverMoney = parseMonetary(server?.earned_amount)
  const pointsAreFromRows = pointsEarned !== null && pointsEarned === rows.points

  return {
    // Always the rows: the list is complete, and the server's `sent` may count sends rather than
    // friends (a link shared once and used by three friends is one send; the docs do not say).
    // A headline that disagrees with the table below it would not be honest.
    friendsReferred: rows.total,
    rewarded: server?.approved ?? count('approved'),
    waiting: count('invited') + count('qualified'),
    notRewarded: (server?.rejected ?? count('rejected')) + count('expired'),
    pointsEarned,
    moneyEarned: serverMoney ?? rows.money,
    pointsValue: pointsAreFromRows && pointsEarned !== 0 ? rows.pointsValue : null,
  }
}

/** The row figures in steps (see `steps.ts`). */
export function* rowFiguresSteps(referrals: readonly Referral[]): Steps<RowFigures> {
  const byStatus = new Map<string, number>()
  let points: number | null = null
  let money: Micros | null = null
  let pointsValue: Micros | null = 0n
  for (let index = 0; index < referrals.length; index++) {
    if (index % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) yield
    const referral = referrals[index]!
    byStatus.set(referral.status, (byStatus.get(referral.status) ?? 0) + 1)
    if (referral.status !== 'approved') continue
    if (referral.reward_pts !== null) {
      points = (points ?? 0) + referral.reward_pts
      // Zero points need no value; any other points without one make the estimate incomplete.
      const value = referral.reward_pts === 0 ? 0n : parseMonetary(referral.reward_pts_value)
      pointsValue = value === null || pointsValue === null ? null : pointsValue + value
    }
    const amount = parseMonetary(referral.reward_amount)
    if (amount !== null) money = (money ?? 0n) + amount
  }
  return { total: referrals.length, byStatus, points, money, pointsValue: points === null ? null : pointsValue }
}
