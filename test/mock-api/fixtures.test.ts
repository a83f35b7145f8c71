import { parseCustomerReferrals } from '../../src/api/schema'
import { KNOWN_REFERRAL_CHANNELS, KNOWN_REFERRAL_STATUSES } from '../../src/api/types'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api/credentials'
import { FIXTURE_REFERENCE_DATE, TYPICAL_REFERRALS, totalsOf } from '../../src/mock-api/fixtures'
import { MANY_REFERRALS_COUNT } from '../../src/mock-api/manyReferrals'
import { createMockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
const MONETARY = /^\d+\.\d{6}$/

/** The first 200 answer for the customer: the *-once scenarios fail their first request. */
async function bodyFor(customerId: string): Promise<unknown> {
  const api = createMockBubblehouseApi({ slowDelayMs: 1 })
  const token = await mintMockCustomerToken(customerId)
  const request = () =>
    new Request(`https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    })
  let response = await api.handle(request())
  if (customerId === 'rate-limited-once' || customerId === 'flaky') response = await api.handle(request())
  expect(response.status).toBe(200)
  return response.json()
}

describe('fixtures of the mock API', () => {
  describe.each(['typical', 'empty', 'many', 'rate-limited-once', 'slow', 'flaky', 'leaky-emails', 'unknown-values', 'customer-4711'])(
    'given the %s customer\u2019s 200 answer',
    (customerId) => {
      it('parses with the widget\u2019s own schema', async () => {
        const parsed = parseCustomerReferrals(await bodyFor(customerId))
        expect(parsed).toMatchObject({ ok: true })
      })
    },
  )

  describe('given the malformed customer\u2019s 200 answer', () => {
    it('fails the widget\u2019s schema at referrals (not a list)', async () => {
      const parsed = parseCustomerReferrals(await bodyFor('malformed'))
      expect(parsed).toMatchObject({ ok: false, path: 'referrals' })
    })
  })

  describe('given the malformed-rows customer\u2019s 200 answer', () => {
    it('keeps every row but the three the widget cannot read, and names their fields', async () => {
      const parsed = parseCustomerReferrals(await bodyFor('malformed-rows'))
      if (!parsed.ok) throw new Error('expected the answer to parse')
      expect(parsed.data.referrals).toHaveLength(TYPICAL_REFERRALS.length - 3)
      expect(parsed.data.invalidRows?.map(({ index, field }) => [index, field])).toEqual([
        [1, 'sent_at'],
        [2, 'reward_pts'],
        [4, 'reward_amount'],
      ])
    })
  })

  describe('given the typical customer', () => {
    it('covers every documented status and channel', () => {
      expect(new Set(TYPICAL_REFERRALS.map((row) => row.status))).toEqual(new Set(KNOWN_REFERRAL_STATUSES))
      expect(new Set(TYPICAL_REFERRALS.map((row) => row.channel))).toEqual(new Set(KNOWN_REFERRAL_CHANNELS))
    })

    it('has one shared link used by three friends: three rows with one referral_bhid', () => {
      const rowsPerSend = new Map<string, number>()
      for (const row of TYPICAL_REFERRALS) rowsPerSend.set(row.referral_bhid, (rowsPerSend.get(row.referral_bhid) ?? 0) + 1)
      expect([...rowsPerSend.values()].filter((rows) => rows > 1)).toEqual([3])
    })

    it('has points, money and coupon rewards, including one coupon object', () => {
      expect(TYPICAL_REFERRALS.some((row) => row.reward_pts !== null && row.reward_pts_value !== null)).toBe(true)
      expect(TYPICAL_REFERRALS.some((row) => row.reward_amount !== null)).toBe(true)
      expect(TYPICAL_REFERRALS.filter((row) => row.coupon_code !== null).length).toBeGreaterThanOrEqual(2)
      expect(TYPICAL_REFERRALS.filter((row) => row.coupon !== null)).toHaveLength(1)
    })

    it('uses the wire formats: RFC 3339 UTC times, six-decimal money, https links, no destination off e-mail', () => {
      for (const row of TYPICAL_REFERRALS) {
        expect(row.sent_at).toMatch(RFC3339_UTC)
        if (row.accepted_at !== null) expect(row.accepted_at).toMatch(RFC3339_UTC)
        if (row.reward_pts_value !== null) expect(row.reward_pts_value).toMatch(MONETARY)
        if (row.reward_amount !== null) expect(row.reward_amount).toMatch(MONETARY)
        if (row.link !== null) expect(row.link).toMatch(/^https:\/\//)
        if (row.channel !== 'email') expect(row.destination).toBeNull()
        expect(Date.parse(row.sent_at)).toBeLessThan(Date.parse(FIXTURE_REFERENCE_DATE))
      }
    })

    it('sends totals under "totals" that agree with its rows', async () => {
      const body = (await bodyFor('typical')) as { totals: unknown }
      expect(body.totals).toEqual({ sent: 15, approved: 6, rejected: 2, earned_pts: 1250 })
      expect(body.totals).toEqual(totalsOf(TYPICAL_REFERRALS))
      const parsed = parseCustomerReferrals(body)
      expect(parsed.ok && parsed.data.totals).toMatchObject({ sent: 15, approved: 6, rejected: 2, earned_pts: 1250 })
    })
  })

  describe('given the many customer', () => {
    it('answers exactly 5,000 rows and no totals', async () => {
      const body = (await bodyFor('many')) as { referrals: unknown[]; totals?: unknown }
      expect(body.referrals).toHaveLength(MANY_REFERRALS_COUNT)
      expect(MANY_REFERRALS_COUNT).toBe(5000)
      expect(body).not.toHaveProperty('totals')
    })

    it('answers the same rows from two separate instances (deterministic, no Math.random)', async () => {
      const random = vi.spyOn(Math, 'random')
      const first = await bodyFor('many')
      const second = await bodyFor('many')
      expect(second).toEqual(first)
      expect(random).not.toHaveBeenCalled()
      random.mockRestore()
    })
  })

  describe('given the unknown-values customer', () => {
    it('keeps the unknown status and channel strings through parsing', async () => {
      const parsed = parseCustomerReferrals(await bodyFor('unknown-values'))
      if (!parsed.ok) throw new Error('expected the unknown-values answer to parse')
      expect(parsed.data.referrals.map((row) => row.status)).toContain('on_hold')
      expect(parsed.data.referrals.map((row) => row.channel)).toContain('carrier-pigeon')
    })
  })
})
