import fc from 'fast-check'
import type { Referral } from '../../src/api/types'
import { groupBySend } from '../../src/model/groupBySend'
import { makeReferral } from './makeReferral'

const flatten = (groups: ReturnType<typeof groupBySend>) => groups.flatMap((group) => group.rows)

describe('groupBySend', () => {
  describe('given one shared link used by three friends', () => {
    const rows = [
      makeReferral({ referral_bhid: 'email-send', sent_at: '2024-05-02T00:00:00Z' }),
      makeReferral({ referral_bhid: 'newest-send', sent_at: '2024-06-01T00:00:00Z' }),
      ...['f1', 'f2', 'f3'].map((id, index) =>
        makeReferral({
          referral_bhid: 'shared-link',
          acceptance_bhid: id,
          channel: 'custom-social',
          destination: null,
          sent_at: '2024-04-01T00:00:00Z',
          accepted_at: `2024-05-0${index + 1}T10:00:00Z`,
        }),
      ),
    ]

    it('shows the three friends together under that send, newest first', () => {
      const groups = groupBySend(rows)
      const shared = groups.find((group) => group.referral_bhid === 'shared-link')
      expect(shared?.rows.map((row) => row.referral.acceptance_bhid)).toEqual(['f3', 'f2', 'f1'])
    })

    it('orders sends by their newest row', () => {
      // The link's oldest friend (May 1) is older than the e-mail (May 2), its newest (May 3) is not.
      expect(groupBySend(rows).map((group) => group.referral_bhid)).toEqual(['newest-send', 'shared-link', 'email-send'])
    })
  })

  it('never drops or merges rows, even exact duplicates', () => {
    const row = makeReferral({ acceptance_bhid: 'same' })
    const groups = groupBySend([row, row, { ...row }])
    expect(flatten(groups)).toHaveLength(3)
  })

  it('keeps all 5,000 rows of a large history', () => {
    const rows: Referral[] = Array.from({ length: 5_000 }, (_, index) =>
      makeReferral({
        referral_bhid: `send-${index % 700}`,
        acceptance_bhid: index % 3 === 0 ? null : `acc-${index % 1000}`,
        sent_at: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(),
      }),
    )
    const groups = groupBySend(rows)
    expect(flatten(groups)).toHaveLength(5_000)
    expect(new Set(flatten(groups).map((row) => row.key)).size).toBe(5_000)
    expect(new Set(flatten(groups).map((row) => row.referral)).size).toBe(5_000)
  })

  it('keys a row by its acceptance id', () => {
    const [group] = groupBySend([makeReferral({ acceptance_bhid: 'acc-1' })])
    expect(group?.rows[0]?.key).toBe('acc-1')
  })

  it('keys a row without an acceptance id by its send and position in the send', () => {
    const rows = [makeReferral({ referral_bhid: 's' }), makeReferral({ referral_bhid: 's' })]
    expect(flatten(groupBySend(rows)).map((row) => row.key)).toEqual(['s#0', 's#1'])
  })

  it('makes keys unique when the API repeats an acceptance id', () => {
    const rows = [
      makeReferral({ referral_bhid: 'a', acceptance_bhid: 'dup' }),
      makeReferral({ referral_bhid: 'b', acceptance_bhid: 'dup' }),
      makeReferral({ referral_bhid: 'c', acceptance_bhid: 'dup' }),
    ]
    expect(flatten(groupBySend(rows)).map((row) => row.key)).toEqual(['dup', 'dup~2', 'dup~3'])
  })

  it('makes keys unique when an acceptance id looks like a generated key', () => {
    const rows = [
      makeReferral({ referral_bhid: 's', acceptance_bhid: 's#1', sent_at: '2024-06-01T00:00:00Z' }),
      makeReferral({ referral_bhid: 's', sent_at: '2024-05-01T00:00:00Z' }),
    ]
    const keys = flatten(groupBySend(rows)).map((row) => row.key)
    expect(new Set(keys).size).toBe(2)
  })

  it('for any rows: every row appears exactly once and every key is unique', () => {
    const arbitraryRow = fc.record({
      referral_bhid: fc.constantFrom('a', 'b', 'c'),
      acceptance_bhid: fc.option(fc.constantFrom('x', 'y', 'a#0', 'x~2'), { nil: null }),
      sent_at: fc.constantFrom('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', 'bad'),
      accepted_at: fc.option(fc.constantFrom('2024-03-01T00:00:00Z'), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 40 }), (partials) => {
        const rows = partials.map((partial) => makeReferral(partial))
        const out = flatten(groupBySend(rows))
        expect(out).toHaveLength(rows.length)
        expect(new Set(out.map((row) => row.referral)).size).toBe(rows.length)
        expect(new Set(out.map((row) => row.key)).size).toBe(rows.length)
      }),
    )
  })
})
