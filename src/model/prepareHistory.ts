import type { CustomerReferrals, Referral } from '../api/types'
import { yieldToMainThread } from '../api/yieldToMainThread'
import { groupBySendSteps, type SendGroup } from './groupBySend'
import { ROWS_PER_PAUSE, runInSlices, runToEnd, type RunInSlicesOptions, type Steps } from './steps'
import { rowFiguresSteps, type RowFigures } from './totals'

/** The part of the history model that needs every row but no locale or wording. */
export interface PreparedRows {
  /** Sends in display order, rows newest first, with their keys (`groupBySend`). */
  sends: SendGroup[]
  /** What the rows say for the summary (`computeTotals`). */
  figures: RowFigures
}

/** By the rows array: a refetch with other rows is a new array, and entries go with their rows. */
const preparedRows = new WeakMap<readonly Referral[], PreparedRows>()

function* prepareSteps(referrals: readonly Referral[]): Steps<PreparedRows> {
  const sends = yield* groupBySendSteps(referrals)
  const figures = yield* rowFiguresSteps(referrals)
  return { sends, figures }
}

/**
 * Sorts, groups and counts the rows of a downloaded history in slices of a few ms with yields in
 * between, and keeps the result for {@link readPreparedRows}. Done at once, for a heavy referrer's
 * 10,000 rows, this was most of a main-thread task of about 200 ms on a slow machine (with the
 * first render). None of it depends on the locale, the currency or the wording, so it can run
 * before the view knows them. Rejects with the signal's reason when it aborts between slices.
 */
export async function prepareHistory(data: CustomerReferrals, options: RunInSlicesOptions = {}): Promise<void> {
  if (preparedRows.has(data.referrals)) return
  preparedRows.set(data.referrals, await runInSlices(prepareSteps(data.referrals), options))
  // And a yield at the end of a long history: what follows (the model's remaining per-send work
  // and the first render) is a task's worth of its own, better not added to the last slice's.
  if (data.referrals.length > ROWS_PER_PAUSE) {
    await yieldToMainThread()
    options.signal?.throwIfAborted()
  }
}

/** What {@link prepareHistory} computed for these rows, or the same computed now. */
export function readPreparedRows(data: CustomerReferrals): PreparedRows {
  let prepared = preparedRows.get(data.referrals)
  if (prepared === undefined) preparedRows.set(data.referrals, (prepared = runToEnd(prepareSteps(data.referrals))))
  return prepared
}
