import type { CustomerReferrals, Referral } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { buildHistory, type BuildHistoryOptions } from '../../src/model/buildHistory'
import { makeReferral } from './makeReferral'

const options: BuildHistoryOptions = { locale: 'en-US', currency: 'USD', messages: en, timeZone: 'UTC' }
const data = (referrals: Referral[]): CustomerReferrals => ({ referrals, totals: null })

describe('buildHistory', () => {
  describe('given a shared link used by three friends and one e-mail invitation', () => {
    const history = buildHistory(
      data([
        makeReferral({ referral_bhid: 'mail', destination: 'ma•••@ex•••.com', sent_at: '2024-06-10T09:00:00Z' }),
        ...[1, 2, 3].map((day) =>
          makeReferral({
            referral_bhid: 'link',
            acceptance_bhid: `friend-${day}`,
            channel: 'custom-social',
            destination: null,
            status: 'approved',
            sent_at: '2024-04-01T00:00:00Z',
            accepted_at: `2024-05-0${day}T12:00:00Z`,
            reward_pts: 100,
            reward_pts_value: '1.000000',
          }),
        ),
      ]),
      options,
    )

    it('counts every row', () => {
      expect(history.rowCount).toBe(4)
      expect(history.groups.flatMap((group) => group.rows)).toHaveLength(4)
    })

    it('heads the shared link with its channel and how many friends used it', () => {
      expect(history.groups.map((group) => group.heading)).toEqual([null, 'Shared link · used by 3 friends'])
    })

    it('describes each friend of the shared link by its channel', () => {
      expect(history.groups[1]?.rows.map((row) => row.friend)).toEqual(
        Array(3).fill({ text: 'Shared with a link', isDestination: false, channelLabel: 'Shared link' }),
      )
    })

    it('shows the masked destination and its channel for the e-mail', () => {
      expect(history.groups[0]?.rows[0]?.friend).toEqual({
        text: 'ma•••@ex•••.com',
        isDestination: true,
        channelLabel: 'Email',
      })
    })

    it('dates each row by its acceptance, else its send', () => {
      expect(history.groups[0]?.rows[0]?.date).toEqual({ label: 'Sent', text: 'Jun 10, 2024', iso: '2024-06-10T09:00:00.000Z' })
      expect(history.groups[1]?.rows[0]?.date).toEqual({ label: 'Joined', text: 'May 3, 2024', iso: '2024-05-03T12:00:00.000Z' })
    })

    it('summarises the history in words and formatted numbers', () => {
      expect(history.summary.figures).toEqual([
        { id: 'friends-referred', label: 'Friends referred', value: '4', detail: null },
        { id: 'rewarded', label: 'Rewarded', value: '3', detail: null },
        { id: 'waiting', label: 'Waiting', value: '1', detail: null },
        { id: 'points-earned', label: 'Points earned', value: '300', detail: '≈ worth $3.00' },
      ])
    })
  })

  it('words the status and what happens next, with a tone for styling', () => {
    const [group] = buildHistory(data([makeReferral({ status: 'qualified' })]), options).groups
    expect(group?.rows[0]).toMatchObject({
      status: 'qualified',
      statusLabel: 'Qualified',
      statusNext: 'Your friend ordered; your reward is in its waiting period',
      tone: 'pending',
    })
  })

  it('gives unknown statuses and channels neutral wording', () => {
    const [group] = buildHistory(
      data([makeReferral({ status: 'under_review', channel: 'bluesky', destination: null })]),
      options,
    ).groups
    expect(group?.rows[0]).toMatchObject({
      statusLabel: 'In progress',
      tone: 'neutral',
      friend: { text: 'Shared with a friend', isDestination: false, channelLabel: 'Other' },
    })
  })

  it('masks a full e-mail address unless the integrator opted into deanonymize', () => {
    const rows = data([makeReferral({ destination: 'jane.doe@example.com' })])
    expect(buildHistory(rows, options).groups[0]?.rows[0]?.friend.text).toBe('ja•••@ex•••.com')
    expect(buildHistory(rows, { ...options, deanonymize: true }).groups[0]?.rows[0]?.friend.text).toBe(
      'jane.doe@example.com',
    )
  })

  it('formats the row reward in points, their value and money', () => {
    const [group] = buildHistory(
      data([makeReferral({ status: 'approved', reward_pts: 1, reward_pts_value: '0.010000', reward_amount: '12.500000' })]),
      options,
    ).groups
    expect(group?.rows[0]?.reward).toEqual({ points: '1 point', pointsValue: '≈ $0.01', money: '$12.50', coupons: [] })
  })

  it('shows a coupon once when both the code and the coupon object name it, and drops an unsafe coupon link', () => {
    const [group] = buildHistory(
      data([
        makeReferral({
          acceptance_bhid: 'acc',
          coupon_code: 'SAVE10',
          coupon: { text: 'SAVE10', url: 'javascript:alert(1)', title: 'Referral reward', source_label: null, used: false },
        }),
      ]),
      options,
    ).groups
    expect(group?.rows[0]?.reward.coupons).toEqual([
      { key: 'acc:coupon', code: 'SAVE10', title: 'Referral reward', url: null, used: false },
    ])
  })

  it('shows both coupons when the code and the coupon object differ', () => {
    const [group] = buildHistory(
      data([
        makeReferral({
          coupon_code: 'CODE-A',
          coupon: { text: 'https://shop.example/discount/B', url: 'https://shop.example/discount/B', title: null, source_label: 'Bonus', used: true },
        }),
      ]),
      options,
    ).groups
    expect(group?.rows[0]?.reward.coupons.map((coupon) => [coupon.code, coupon.title, coupon.url, coupon.used])).toEqual([
      ['https://shop.example/discount/B', 'Bonus', 'https://shop.example/discount/B', true],
      ['CODE-A', null, null, false],
    ])
  })

  it('shows money as a plain number when no currency is configured', () => {
    const history = buildHistory(data([makeReferral({ status: 'approved', reward_amount: '5.000000' })]), {
      ...options,
      currency: undefined,
    })
    expect(history.summary.figures.find((figure) => figure.id === 'money-earned')?.value).toBe('5.00')
  })

  it('lists "not rewarded" only when something was not rewarded', () => {
    const ids = (referrals: Referral[]) => buildHistory(data(referrals), options).summary.figures.map((figure) => figure.id)
    expect(ids([makeReferral()])).not.toContain('not-rewarded')
    expect(ids([makeReferral({ status: 'expired' })])).toContain('not-rewarded')
  })

  it('uses the catalogue it is given', () => {
    const history = buildHistory(data([makeReferral()]), {
      ...options,
      messages: { ...en, 'status.invited.label': 'Eingeladen' },
    })
    expect(history.groups[0]?.rows[0]?.statusLabel).toBe('Eingeladen')
  })

  it('formats for English instead of throwing when the locale is not a valid tag', () => {
    expect(() => buildHistory(data([makeReferral()]), { ...options, locale: 'not a locale!' })).not.toThrow()
  })

  it('keeps every row and exact money totals for a 10,000-row history', () => {
    const referrals = Array.from({ length: 10_000 }, (_, index) =>
      makeReferral({
        referral_bhid: `send-${index % 2_000}`,
        acceptance_bhid: `acc-${index}`,
        status: index % 2 ? 'approved' : 'invited',
        sent_at: new Date(Date.UTC(2023, 0, 1) + index * 3_600_000).toISOString(),
        reward_pts: index % 2 ? 10 : null,
        reward_amount: index % 2 ? '0.010000' : null,
      }),
    )
    const history = buildHistory(data(referrals), options)

    expect(history.rowCount).toBe(10_000)
    expect(history.groups.reduce((sum, group) => sum + group.rows.length, 0)).toBe(10_000)
    expect(history.summary.figures.find((figure) => figure.id === 'money-earned')?.value).toBe('$50.00')
  })

  describe('given a long history that a view renders in steps', () => {
    /** Rows whose destination counts its reads: only a row's own formatting reads it (sorting,
     * grouping and totals do not), so the count tells which rows were formatted. */
    function countingReferrals(count: number) {
      const reads = new Set<number>()
      const referrals = Array.from({ length: count }, (_, index) => {
        const referral = makeReferral({
          referral_bhid: `send-${index}`,
          sent_at: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(),
        })
        Object.defineProperty(referral, 'destination', {
          get: () => {
            reads.add(index)
            return `friend-${index}`
          },
        })
        return referral
      })
      return { referrals, reads }
    }

    it('sorts, groups and sums every row but formats none until a row is asked for', () => {
      const { referrals, reads } = countingReferrals(1_000)
      const history = buildHistory(data(referrals), options)
      expect(history.groups).toHaveLength(1_000)
      expect(history.summary.totals.friendsReferred).toBe(1_000)
      expect(reads.size).toBe(0)
    })

    it('formats exactly the rows asked for, newest first', () => {
      const { referrals, reads } = countingReferrals(1_000)
      const history = buildHistory(data(referrals), options)
      expect(history.groups.slice(0, 2).map((group) => group.row(0).friend.text)).toEqual(['friend-999', 'friend-998'])
      expect([...reads].sort()).toEqual([998, 999])
    })

    it('returns the same row object on every call, and the same objects through rows', () => {
      const history = buildHistory(data([makeReferral({ acceptance_bhid: 'a' }), makeReferral({ acceptance_bhid: 'b' })]), options)
      const [group] = history.groups
      expect(group?.size).toBe(2)
      expect(group?.row(1)).toBe(group?.row(1))
      expect(group?.rows).toEqual([group?.row(0), group?.row(1)])
      expect(group?.rows[0]).toBe(group?.row(0))
    })

    it('refuses a row index outside the send', () => {
      const [group] = buildHistory(data([makeReferral()]), options).groups
      expect(() => group?.row(1)).toThrow(RangeError)
    })
  })
})

describe('the invitation link to send again', () => {
  const LINK = 'https://shop.example/r/K7Q2M'
  const rowOf = (referral: Referral) => buildHistory(data([referral]), options).groups[0]!.row(0)

  it('is offered on an invitation that is still open', () => {
    expect(rowOf(makeReferral({ status: 'invited', link: LINK })).inviteLink).toBe(LINK)
  })

  it.each(['qualified', 'approved', 'rejected', 'expired', 'on_hold'])('is never offered on a %s row, even with a link', (status) => {
    expect(rowOf(makeReferral({ status, link: LINK, accepted_at: '2024-05-02T12:00:00Z' })).inviteLink).toBeNull()
  })

  it.each(['javascript:alert(1)', 'data:text/html,hi', '/r/K7Q2M', 'not a url'])('is left out when the API sends %s', (link) => {
    expect(rowOf(makeReferral({ status: 'invited', link })).inviteLink).toBeNull()
  })

  it('is left out when there is none', () => {
    expect(rowOf(makeReferral({ status: 'invited', link: null })).inviteLink).toBeNull()
  })
})
