import type { CustomerReferrals, ReferralTotals } from '../../src/api/types'
import { computeTotals } from '../../src/model/totals'
import { makeReferral } from './makeReferral'

const rows = [
  makeReferral({ status: 'invited' }),
  makeReferral({ status: 'qualified', reward_pts: 300, reward_pts_value: '3.000000', reward_amount: '9.000000' }),
  makeReferral({ status: 'approved', reward_pts: 500, reward_pts_value: '5.000000', reward_amount: '0.100000' }),
  makeReferral({ status: 'approved', reward_pts: 250, reward_pts_value: '2.500000', reward_amount: '0.200000' }),
  makeReferral({ status: 'rejected' }),
  makeReferral({ status: 'expired' }),
  makeReferral({ status: 'on_hold_for_review' }),
]

const serverTotals = (figures: Partial<ReferralTotals>): ReferralTotals => ({
  sent: null,
  approved: null,
  rejected: null,
  earned_pts: null,
  earned_amount: null,
  ...figures,
})

describe('computeTotals', () => {
  describe('given no server totals', () => {
    const totals = computeTotals({ referrals: rows, totals: null })

    it('counts every row as a friend referred, including unknown statuses', () => {
      expect(totals.friendsReferred).toBe(7)
    })

    it('counts approved as rewarded, invited and qualified as waiting, rejected and expired as not rewarded', () => {
      expect(totals.rewarded).toBe(2)
      expect(totals.waiting).toBe(2)
      expect(totals.notRewarded).toBe(2)
    })

    it('adds up only what approved rows earned, exactly', () => {
      expect(totals.pointsEarned).toBe(750)
      expect(totals.moneyEarned).toBe(300_000n) // 0.1 + 0.2, exactly
      expect(totals.pointsValue).toBe(7_500_000n)
    })
  })

  it('takes every figure the server reports over the rows, except friends referred', () => {
    const data: CustomerReferrals = {
      referrals: rows,
      totals: serverTotals({ sent: 40, approved: 12, rejected: 5, earned_pts: 6000, earned_amount: '120.500000' }),
    }
    const totals = computeTotals(data)
    // The table shows every row; a headline of 40 above 7 rows would contradict it.
    expect(totals.friendsReferred).toBe(rows.length)
    expect(totals.rewarded).toBe(12)
    expect(totals.notRewarded).toBe(5 + 1) // server rejected + expired rows (the server has no expired figure)
    expect(totals.pointsEarned).toBe(6000)
    expect(totals.moneyEarned).toBe(120_500_000n)
  })

  it('derives the figures the server object leaves out', () => {
    const totals = computeTotals({ referrals: rows, totals: serverTotals({ sent: 40 }) })
    expect(totals.friendsReferred).toBe(rows.length)
    expect(totals.rewarded).toBe(2)
    expect(totals.pointsEarned).toBe(750)
  })

  it('derives waiting from rows, as the server reports no such figure', () => {
    expect(computeTotals({ referrals: rows, totals: serverTotals({ sent: 40, approved: 12 }) }).waiting).toBe(2)
  })

  it('drops the points value when the server’s points figure differs from the rows', () => {
    const totals = computeTotals({ referrals: rows, totals: serverTotals({ earned_pts: 6000 }) })
    expect(totals.pointsValue).toBeNull()
  })

  it('drops the points value when an approved row with points has no value', () => {
    const totals = computeTotals({
      referrals: [
        makeReferral({ status: 'approved', reward_pts: 100, reward_pts_value: '1.000000' }),
        makeReferral({ status: 'approved', reward_pts: 100 }),
      ],
      totals: null,
    })
    expect(totals.pointsEarned).toBe(200)
    expect(totals.pointsValue).toBeNull()
  })

  it('reports no points and no money for a history that has none', () => {
    const totals = computeTotals({ referrals: [makeReferral({ status: 'approved' })], totals: null })
    expect(totals.pointsEarned).toBeNull()
    expect(totals.moneyEarned).toBeNull()
    expect(totals.pointsValue).toBeNull()
  })

  it('reports zeros for an empty history', () => {
    expect(computeTotals({ referrals: [], totals: null })).toEqual({
      friendsReferred: 0,
      rewarded: 0,
      waiting: 0,
      notRewarded: 0,
      pointsEarned: null,
      moneyEarned: null,
      pointsValue: null,
    })
  })
})
