import { referralTime, sortReferrals } from '../../src/model/sortReferrals'
import { makeReferral } from './makeReferral'

describe('sortReferrals', () => {
  it('puts the newest first, using the acceptance time when there is one', () => {
    const sentLong = makeReferral({ referral_bhid: 'a', sent_at: '2024-01-01T00:00:00Z', accepted_at: '2024-06-01T00:00:00Z' })
    const sentRecently = makeReferral({ referral_bhid: 'b', sent_at: '2024-05-01T00:00:00Z' })
    const oldest = makeReferral({ referral_bhid: 'c', sent_at: '2023-12-01T00:00:00Z' })

    expect(sortReferrals([oldest, sentRecently, sentLong]).map((r) => r.referral_bhid)).toEqual(['a', 'b', 'c'])
  })

  it('keeps the API order of rows with the same time', () => {
    const rows = ['x', 'y', 'z'].map((id) => makeReferral({ referral_bhid: id, sent_at: '2024-05-01T00:00:00Z' }))
    expect(sortReferrals(rows).map((r) => r.referral_bhid)).toEqual(['x', 'y', 'z'])
  })

  it('puts rows without a readable time last, in their original order', () => {
    const rows = [
      makeReferral({ referral_bhid: 'bad-1', sent_at: 'not a time' }),
      makeReferral({ referral_bhid: 'ok', sent_at: '2020-01-01T00:00:00Z' }),
      makeReferral({ referral_bhid: 'zero', sent_at: '0001-01-01T00:00:00Z' }),
      makeReferral({ referral_bhid: 'bad-2', sent_at: '' }),
    ]
    expect(sortReferrals(rows).map((r) => r.referral_bhid)).toEqual(['ok', 'bad-1', 'zero', 'bad-2'])
  })

  it('falls back to the send time when the acceptance time is unreadable', () => {
    const row = makeReferral({ sent_at: '2024-05-01T12:00:00Z', accepted_at: 'garbage' })
    expect(referralTime(row)).toBe(Date.parse('2024-05-01T12:00:00Z'))
  })

  it('returns a new array and leaves the input alone', () => {
    const rows = [makeReferral({ referral_bhid: 'old', sent_at: '2020-01-01T00:00:00Z' }), makeReferral({ referral_bhid: 'new' })]
    const sorted = sortReferrals(rows)
    expect(sorted).not.toBe(rows)
    expect(rows.map((r) => r.referral_bhid)).toEqual(['old', 'new'])
  })
})
