import fc from 'fast-check'
import { yieldToMainThread } from '../../src/scheduling/yieldToMainThread'
import type { CustomerReferrals, Referral } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { buildHistory, type BuildHistoryOptions, type HistoryModel } from '../../src/model/buildHistory'
import { groupBySend, groupBySendSteps } from '../../src/model/groupBySend'
import { PreparedHistory, preparedRowsOf, validateAndPrepareSteps } from '../../src/model/prepareHistory'
import { runInSlices, type RunInSlicesOptions } from '../../src/scheduling/steps'
import { makeReferral } from './makeReferral'
import { parseCustomerReferrals } from '../../src/api/schema'

// Counts the yields to the page (and still yields for real), to see that a long history is split.
vi.mock('../../src/scheduling/yieldToMainThread', () => import('../support/countedYieldToMainThread'))

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

/** The same answer checked at once, as a plain object (rows the schema refuses are left out). */
function checked(answer: unknown): CustomerReferrals {
  const result = parseCustomerReferrals(answer)
  if (!result.ok) throw new Error(`not a history: ${result.path}`)
  return result.data
}

/** The query's pass over an answer's JSON: checked, sorted, grouped and counted, in slices. */
async function prepare(body: unknown, options: RunInSlicesOptions = everyStep): Promise<PreparedHistory> {
  const result = await runInSlices(validateAndPrepareSteps(body), options)
  if (!result.ok) throw new Error(`not a history: ${result.path}`)
  return result.data
}

/** Everything the view reads from a model, as plain data. */
function shown(model: HistoryModel) {
  return {
    summary: model.summary,
    rowCount: model.rowCount,
    groups: model.groups.map((group) => ({ id: group.referral_bhid, heading: group.heading, size: group.size, rows: group.rows })),
  }
}

describe('validateAndPrepareSteps', () => {
  beforeEach(() => {
    vi.mocked(yieldToMainThread).mockClear()
  })

  it('gives the view exactly the model it builds from the plain answer', async () => {
    const answer = history(1_200)
    const prepared = await prepare(answer)
    expect(prepared).toBeInstanceOf(PreparedHistory)
    expect(shown(buildHistory(prepared, options))).toEqual(shown(buildHistory(checked(answer), options)))
  })

  it('compares equal to the plain answer, and is not a plain object (structural sharing keeps it whole)', async () => {
    const answer = history(30)
    const prepared = await prepare(answer)
    expect(prepared).toEqual(checked(answer))
    expect(Object.getPrototypeOf(prepared)).not.toBe(Object.prototype)
  })

  it('is what the model then uses, instead of sorting and grouping again', async () => {
    const prepared = await prepare(history(600))
    // Tampered with on purpose: a model that sorted and grouped again would not show it.
    const sends = PreparedHistory.rowsOf(prepared).sends.reverse()
    expect(buildHistory(prepared, options).groups.map((group) => group.referral_bhid)).toEqual(sends.map((send) => send.referral_bhid))
  })

  it('does the work itself: what the model reads later was computed while preparing', async () => {
    const prepared = await prepare(history(600))
    // Added after the preparation on purpose: a model that sorted and grouped only now would show it.
    prepared.referrals.push(makeReferral({ referral_bhid: 'late' }))
    expect(preparedRowsOf(prepared).sends.some((send) => send.referral_bhid === 'late')).toBe(false)
  })

  it('prepares data from elsewhere (not from the query) at once, when the model asks', () => {
    const answer = history(40)
    expect(preparedRowsOf(answer).figures.total).toBe(40)
  })

  it('keeps every row of a long history, in its sends and in its figures', async () => {
    const answer = checked(history(1_200))
    const rowCount = answer.referrals.length
    const { sends, figures } = PreparedHistory.rowsOf(await prepare(answer))
    expect(sends.flatMap((send) => send.rows.map((row) => row.referral))).toEqual(expect.arrayContaining(answer.referrals))
    expect(sends.flatMap((send) => send.rows)).toHaveLength(rowCount)
    expect(figures.total).toBe(rowCount)
    expect([...figures.byStatus.values()].reduce((sum, count) => sum + count, 0)).toBe(rowCount)
  })

  it('leaves out rows it cannot read and counts them, as the synchronous parser does', async () => {
    const answer = checked(history(10))
    const body = { ...answer, referrals: [...answer.referrals, { referral_bhid: 'broken' }] }
    const prepared = await prepare(body)
    expect(prepared.referrals).toEqual(answer.referrals)
    expect(prepared.invalidRows).toEqual([expect.objectContaining({ index: answer.referrals.length })])
  })

  it('fails, naming the path, for a body that is not a referrals list', async () => {
    const result = await runInSlices(validateAndPrepareSteps({ referrals: { 0: {} } }), everyStep)
    expect(result).toMatchObject({ ok: false, path: 'referrals' })
  })

  it('checks, sorts, groups and counts a long history in slices, yielding to the page in between', async () => {
    await prepare(history(5_000))
    // Checking 5,000 rows (a pause every 16) and two passes of sorting, grouping and counting.
    expect(vi.mocked(yieldToMainThread).mock.calls.length).toBeGreaterThanOrEqual(300)
  })

  it('does not yield for a short history with the default budget (no task hop before the rows)', async () => {
    await prepare(history(20), {})
    expect(yieldToMainThread).not.toHaveBeenCalled()
  })

  it('stops between slices when its signal aborts, rejecting with the signal reason', async () => {
    const controller = new AbortController()
    const preparing = prepare(history(5_000), { ...everyStep, signal: controller.signal })
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
