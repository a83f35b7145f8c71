import fc from 'fast-check'
import { parseCustomerReferrals, parseCustomerReferralsAsync } from '../../src/api/schema'
import { yieldToMainThread } from '../../src/scheduling/yieldToMainThread'
import { arbitraryBody, mutatedBody, validBody } from '../reliability/apiBodyArbitraries'

// The real yield, counted: a test below checks when the parser hops to a new task.
vi.mock('../../src/scheduling/yieldToMainThread', () => import('../support/countedYieldToMainThread'))

const row = {
  referral_bhid: '20b31881b3010001',
  acceptance_bhid: null,
  channel: 'email',
  destination: 'j***@e***.com',
  status: 'invited',
  link: 'https://shop.example/r/abc',
  sent_at: '2024-05-01T12:00:00Z',
  accepted_at: null,
}

describe('parseCustomerReferrals', () => {
  describe('given a minimal valid answer', () => {
    it('normalises absent optional fields to null and reports no totals', () => {
      const result = parseCustomerReferrals({ referrals: [{ referral_bhid: 'a', channel: 'sms', status: 'invited', sent_at: '2024-05-01T12:00:00Z' }] })
      expect(result).toEqual({
        ok: true,
        data: {
          totals: null,
          invalidRows: [],
          referrals: [
            {
              referral_bhid: 'a',
              acceptance_bhid: null,
              channel: 'sms',
              destination: null,
              status: 'invited',
              link: null,
              sent_at: '2024-05-01T12:00:00Z',
              accepted_at: null,
              reward_pts: null,
              reward_pts_value: null,
              reward_amount: null,
              coupon_code: null,
              coupon: null,
            },
          ],
        },
      })
    })
  })

  describe('given values the API says may appear later', () => {
    it('keeps unknown statuses and channels and ignores extra properties', () => {
      const result = parseCustomerReferrals({
        referrals: [{ ...row, status: 'on_hold', channel: 'carrier-pigeon', brand_new_field: { x: 1 } }],
        brand_new_top_level: true,
      })
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.data.referrals[0]).toMatchObject({ status: 'on_hold', channel: 'carrier-pigeon' })
      expect(result.data.referrals[0]).not.toHaveProperty('brand_new_field')
    })
  })

  describe('given Go zero times', () => {
    it('treats a zero accepted_at as no time', () => {
      const result = parseCustomerReferrals({ referrals: [{ ...row, accepted_at: '0001-01-01T00:00:00Z' }] })
      expect(result.ok && result.data.referrals[0]?.accepted_at).toBeNull()
    })
  })

  describe('given monetary values', () => {
    it('keeps six-decimal strings exact and accepts integers, but leaves out a row with a float', () => {
      const ok = parseCustomerReferrals({ referrals: [{ ...row, reward_pts_value: '5.000000', reward_amount: 12 }] })
      expect(ok.ok && ok.data.referrals[0]).toMatchObject({ reward_pts_value: '5.000000', reward_amount: '12' })
      const float = parseCustomerReferrals({ referrals: [{ ...row, reward_amount: 0.1 }] })
      expect(float).toMatchObject({ ok: true, data: { referrals: [], invalidRows: [{ index: 0, field: 'reward_amount' }] } })
    })

    it('leaves out a row whose amount has more than 30 digits, without reading all of it', () => {
      const amounts = ['1'.repeat(31), `${'9'.repeat(25)}.${'0'.repeat(6)}`, '1'.repeat(4_000_000)]
      for (const amount of amounts) {
        const result = parseCustomerReferrals({ referrals: [row, { ...row, reward_amount: amount }] })
        expect(result).toMatchObject({ ok: true, data: { invalidRows: [{ index: 1, field: 'reward_amount', expected: 'at most 30 digits' }] } })
        expect(result.ok && result.data.referrals).toHaveLength(1)
      }
      const longest = `${'9'.repeat(24)}.${'0'.repeat(6)}`
      expect(parseCustomerReferrals({ referrals: [{ ...row, reward_amount: longest }] })).toMatchObject({ ok: true, data: { invalidRows: [] } })
    })
  })

  describe('given rows that do not match the format among good ones', () => {
    const rows = [
      row,
      { ...row, reward_pts: 1.5 },
      { ...row, reward_amount: 5.25 },
      { ...row, sent_at: 1714564800 },
      'not a row',
      { ...row, referral_bhid: undefined },
      row,
    ]

    it('keeps the good rows and names each bad one by index and field, never by value', () => {
      const result = parseCustomerReferrals({ referrals: rows })
      if (!result.ok) throw new Error('expected the answer to parse')
      expect(result.data.referrals).toHaveLength(2)
      expect(result.data.invalidRows?.map(({ index, field }) => [index, field])).toEqual([
        [1, 'reward_pts'],
        [2, 'reward_amount'],
        [3, 'sent_at'],
        [4, '(row)'],
        [5, 'referral_bhid'],
      ])
      expect(JSON.stringify(result.data.invalidRows)).not.toMatch(/1\.5|5\.25|1714564800|not a row/)
    })

    it('reads points sent as a numeric string as a number', () => {
      const result = parseCustomerReferrals({ referrals: [{ ...row, reward_pts: '500' }, { ...row, reward_pts: '-20' }] })
      expect(result.ok && result.data.referrals.map((referral) => referral.reward_pts)).toEqual([500, -20])
      expect(parseCustomerReferrals({ referrals: [{ ...row, reward_pts: '5e2' }] })).toMatchObject({ ok: true, data: { invalidRows: [{ field: 'reward_pts' }] } })
    })

    it('never drops a row for a guessed field: a coupon of another shape reads as no coupon', () => {
      const coupons = ['WELCOME-10', { title: 'no text' }, { text: 42 }, [], 7]
      const result = parseCustomerReferrals({ referrals: coupons.map((coupon) => ({ ...row, coupon })) })
      expect(result).toMatchObject({ ok: true, data: { invalidRows: [] } })
      expect(result.ok && result.data.referrals.map((referral) => referral.coupon)).toEqual([null, null, null, null, null])
    })
  })

  describe('given a totals object', () => {
    it('reads it under any candidate name and derives nothing itself', () => {
      const result = parseCustomerReferrals({ referrals: [], stats: { sent: 4, approved: 2, rejected: 1, earned_pts: 900 } })
      expect(result.ok && result.data.totals).toEqual({ sent: 4, approved: 2, rejected: 1, earned_pts: 900, earned_amount: null })
    })

    it('drops a malformed totals object instead of failing the answer', () => {
      const result = parseCustomerReferrals({ referrals: [], totals: 'lots' })
      expect(result).toMatchObject({ ok: true, data: { totals: null } })
    })
  })

  describe('given an answer that is not a referrals list at all', () => {
    it.each([
      ['a missing referrals array', {}, 'referrals'],
      ['referrals as an object keyed by row', { referrals: { 0: row } }, 'referrals'],
      ['referrals as null', { referrals: null }, 'referrals'],
      ['a non-object body', 'oops', '(root)'],
    ])('fails, naming where, for %s', (_name, body, path) => {
      expect(parseCustomerReferrals(body)).toMatchObject({ ok: false, path })
    })

    it('never echoes the offending value (it may be a friend address)', () => {
      const result = parseCustomerReferrals({ referrals: [{ ...row, destination: { email: 'friend@example.com' } }] })
      expect(result).toMatchObject({ ok: true, data: { invalidRows: [{ index: 0, field: 'destination' }] } })
      expect(JSON.stringify(result)).not.toContain('friend@example.com')
    })
  })
})

describe('parseCustomerReferralsAsync', () => {
  // A zero budget yields between every pair of rows: the most interleaving the async path can see.
  const everyRow = { batchBudgetMs: 0 }

  it('gives exactly the result of the synchronous parser, for valid, broken and arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(validBody, mutatedBody, arbitraryBody), async (body) => {
        expect(await parseCustomerReferralsAsync(body, everyRow)).toEqual(parseCustomerReferrals(body))
      }),
      { numRuns: 300 },
    )
  })

  it('leaves out the same bad rows deep in a long history as the synchronous parser, and keeps the rest', async () => {
    const referrals: unknown[] = Array.from({ length: 2_000 }, (_, index) => ({ ...row, referral_bhid: `send-${index}` }))
    referrals[1_500] = { ...row, reward_amount: 0.5 }
    referrals[1_700] = 'not a row'
    const body = { referrals }
    const result = await parseCustomerReferralsAsync(body, everyRow)
    expect(result).toMatchObject({
      ok: true,
      data: { invalidRows: [{ index: 1_500, field: 'reward_amount' }, { index: 1_700, field: '(row)' }] },
    })
    expect(result.ok && result.data.referrals).toHaveLength(1_998)
    expect(result).toEqual(parseCustomerReferrals(body))
  })

  it('names a row that is not an object by its index, like the synchronous parser', async () => {
    const body = { referrals: [row, null] }
    expect(await parseCustomerReferralsAsync(body, everyRow)).toMatchObject({ ok: true, data: { invalidRows: [{ index: 1, field: '(row)' }] } })
    expect(await parseCustomerReferralsAsync(body, everyRow)).toEqual(parseCustomerReferrals(body))
  })

  it('keeps every row of a long history, in order', async () => {
    const referrals = Array.from({ length: 2_500 }, (_, index) => ({ ...row, referral_bhid: `send-${index}` }))
    const result = await parseCustomerReferralsAsync({ referrals }, everyRow)
    expect(result.ok && result.data.referrals.map((referral) => referral.referral_bhid)).toEqual(referrals.map((referral) => referral.referral_bhid))
  })

  it('goes straight on without a task hop when every row fits in one batch (a short history)', async () => {
    vi.mocked(yieldToMainThread).mockClear()
    const result = await parseCustomerReferralsAsync({ referrals: [row, row] }, { batchBudgetMs: 60_000 })
    expect(result.ok).toBe(true)
    expect(yieldToMainThread).not.toHaveBeenCalled()
    // While a zero budget hops at each pause (every 16 rows) and once more at the end.
    await parseCustomerReferralsAsync({ referrals: Array.from({ length: 40 }, () => row) }, everyRow)
    expect(yieldToMainThread).toHaveBeenCalledTimes(3)
  })

  it('stops between batches when its signal aborts, rejecting with the signal reason', async () => {
    const controller = new AbortController()
    const referrals = Array.from({ length: 500 }, () => row)
    const parsing = parseCustomerReferralsAsync({ referrals }, { ...everyRow, signal: controller.signal })
    const reason = new DOMException('gone', 'AbortError')
    controller.abort(reason)
    await expect(parsing).rejects.toBe(reason)
  })
})
