import fc from 'fast-check'
import { yieldToMainThread } from '../../src/api/yieldToMainThread'
import type { CustomerReferrals, Referral } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { buildHistory, type BuildHistoryOptions, type HistoryModel } from '../../src/model/buildHistory'
import { groupBySend, groupBySendSteps } from '../../src/model/groupBySend'
import { prepareHistory, readPreparedRows } from '../../src/model/prepareHistory'
import { runInSlices } from '../../src/model/steps'
import { makeReferral } from './makeReferral'

// Counts the yields to the page (and still yields for real), to see that a long history is split.
vi.mock('../../src/api/yieldToMainThread', () => import('../support/countedYieldToMainThread'))

const options: BuildHistoryOptions = { locale: 'en-US', currency: 'USD', messages: en, timeZone: 'UTC' }
/** A zero budget yields at every step: the most interleaving the preparation can see. */
const everyStep = { sliceBudgetMs: 0 }

/** `count` rows over fewer sends (shared links), with times that tie and some unreadable ones. */
function history(count: number): CustomerReferrals {
  const statuses = ['invited', 'qualified', 'approved', 'rejected', 'expired', 'on_hold']
  const referrals = Array.from({ length: count }, (_, index) =>
    makeReferral({
      referral_bhid: `send-${index % Math.ceil(count / 3)}`,
      acceptance_bhid: index % 4 === 0 ? null : `friend-${index % 7 === 0 ? 0 : index}`,
      status: statuses[index % statuses.length]!,
      sent_at: index % 50 === 0 ? 'not a time' : `2024-0${1 + (index % 9)}-1${index % 10}T00:00:00Z`,
      reward_pts: index % 3 === 0 ? 100 : null,
      reward_pts_value: index % 6 === 0 ? '1.000000' : null,
      reward_amount: index % 5 === 0 ? '2.500000' : null,
    }),
  )
  return { referrals, totals: null }
}

/** Everything the view reads from a model, as plain data. */
function shown(model: HistoryModel) {
  return {
    summary: model.summary,
    rowCount: model.rowCount,
    groups: model.groups.map((group) => ({ id: group.referral_bhid, heading: group.heading, size: group.size, rows: group.rows })),
  }
}

describe('prepareHistory', () => {
  beforeEach(() => {
    vi.mocked(yieldToMainThread).mockClear()
  })

  it('gives the view exactly the model it builds without preparation', async () => {
    const prepared = history(1_200)
    await prepareHistory(prepared, everyStep)
    const unprepared = { ...prepared, referrals: [...prepared.referrals] }
    expect(shown(buildHistory(prepared, options))).toEqual(shown(buildHistory(unprepared, options)))
  })

  it('is what the model then uses, instead of sorting and grouping again', async () => {
    const data = history(600)
    await prepareHistory(data, everyStep)
    // Tampered with on purpose: a model that sorted and grouped again would not show it.
    const sends = readPreparedRows(data).sends.reverse()
    expect(buildHistory(data, options).groups.map((group) => group.referral_bhid)).toEqual(sends.map((send) => send.referral_bhid))
  })

  it('does the work itself: what the model reads later was computed while preparing', async () => {
    const data = history(600)
    await prepareHistory(data, everyStep)
    // Added after the preparation on purpose: a model that sorted and grouped only now would show it.
    data.referrals.push(makeReferral({ referral_bhid: 'late' }))
    expect(readPreparedRows(data).sends.some((send) => send.referral_bhid === 'late')).toBe(false)
  })

  it('keeps every row of a long history, in its sends and in its figures', async () => {
    const data = history(1_200)
    await prepareHistory(data, everyStep)
    const { sends, figures } = readPreparedRows(data)
    expect(sends.flatMap((send) => send.rows.map((row) => row.referral))).toHaveLength(1_200)
    expect(new Set(sends.flatMap((send) => send.rows.map((row) => row.referral)))).toEqual(new Set(data.referrals))
    expect(figures.total).toBe(1_200)
    expect([...figures.byStatus.values()].reduce((sum, count) => sum + count, 0)).toBe(1_200)
  })

  it('sorts, groups and counts a long history in slices, yielding to the page in between', async () => {
    await prepareHistory(history(5_000), everyStep)
    // Two passes (grouping with its sort, then the figures) of 5,000 rows, a yield every 256 rows.
    expect(vi.mocked(yieldToMainThread).mock.calls.length).toBeGreaterThanOrEqual(30)
  })

  it('does not yield for a short history', async () => {
    await prepareHistory(history(20), everyStep)
    expect(yieldToMainThread).not.toHaveBeenCalled()
  })

  it('stops between slices when its signal aborts, rejecting with the signal reason', async () => {
    const controller = new AbortController()
    const preparing = prepareHistory(history(5_000), { ...everyStep, signal: controller.signal })
    const reason = new DOMException('gone', 'AbortError')
    controller.abort(reason)
    await expect(preparing).rejects.toBe(reason)
  })
})

describe('runInSlices', () => {
  function* counted(steps: number, done: { count: number }) {
    for (let step = 0; step < steps; step++) {
      done.count++
      yield
    }
    return steps
  }

  it('runs every step and gives the result', async () => {
    await expect(runInSlices(counted(50, { count: 0 }), everyStep)).resolves.toBe(50)
  })

  it('stops at the first slice after its signal aborts, rejecting with the signal reason', async () => {
    const controller = new AbortController()
    const done = { count: 0 }
    const running = runInSlices(counted(50, done), { ...everyStep, signal: controller.signal })
    const reason = new DOMException('gone', 'AbortError')
    controller.abort(reason)
    await expect(running).rejects.toBe(reason)
    expect(done.count).toBe(1)
  })
})

describe('groupBySend in slices', () => {
  const row = fc.record({
    referral_bhid: fc.constantFrom('a', 'b', 'c', 'd'),
    acceptance_bhid: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }),
    sent_at: fc.constantFrom('2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z', 'garbage', '0001-01-01T00:00:00Z'),
    accepted_at: fc.option(fc.constantFrom('2024-05-03T00:00:00Z', 'garbage'), { nil: null }),
  })

  it('gives the same sends, rows and keys as at once, for any rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row.map((fields): Referral => makeReferral(fields)), { maxLength: 700 }), async (referrals) => {
        expect(await runInSlices(groupBySendSteps(referrals), everyStep)).toEqual(groupBySend(referrals))
      }),
      { numRuns: 40 },
    )
  })
})
