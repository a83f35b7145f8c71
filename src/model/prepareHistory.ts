import type { CustomerReferrals, InvalidReferralRow, Referral, ReferralTotals } from '../api/types'
import { validateSteps, type ParseResult } from '../api/schema'
import { runToEnd, type Steps } from '../scheduling/steps'
import { groupBySendSteps, type SendGroup } from './groupBySend'
import { rowFiguresSteps, type RowFigures } from './totals'

/** The part of the history model that needs every row but no locale or wording. */
export interface PreparedRows {
  /** Sends in display order, rows newest first, with their keys (`groupBySend`). */
  sends: SendGroup[]
  /** What the rows say for the summary (`computeTotals`). */
  figures: RowFigures
}

/**
 * A checked CustomerReferrals2 answer together with what the model needs every row for (sorted,
 * grouped, counted): the widget query's data. It is a `CustomerReferrals` (same own fields, so it
 * compares equal to the plain answer); the prepared part is private and read with
 * {@link preparedRowsOf}. Not a plain object, so react-query's structural sharing keeps it whole.
 */
export class PreparedHistory implements CustomerReferrals {
  readonly referrals: Referral[]
  readonly totals: ReferralTotals | null
  readonly invalidRows?: readonly InvalidReferralRow[]
  readonly #rows: PreparedRows

  constructor(data: CustomerReferrals, rows: PreparedRows) {
    this.referrals = data.referrals
    this.totals = data.totals
    if (data.invalidRows !== undefined) this.invalidRows = data.invalidRows
    this.#rows = rows
  }

  static rowsOf(history: PreparedHistory): PreparedRows {
    return history.#rows
  }
}

function* prepareSteps(data: CustomerReferrals): Steps<PreparedHistory> {
  const sends = yield* groupBySendSteps(data.referrals)
  const figures = yield* rowFiguresSteps(data.referrals)
  return new PreparedHistory(data, { sends, figures })
}

/**
 * From an answer's JSON to the query's data in one pass of steps: check the body and its rows,
 * then sort, group and count them. The query runs it in slices of a few ms with yields between
 * (`runInSlices`): done at once, a heavy referrer's 10,000 rows were a main-thread task of about a
 * second on a slow machine. None of it depends on the locale, the currency or the wording, so it
 * runs before the view knows them.
 */
export function* validateAndPrepareSteps(body: unknown): Steps<ParseResult<PreparedHistory>> {
  const parsed = yield* validateSteps(body)
  if (!parsed.ok) return parsed
  return { ok: true, data: yield* prepareSteps(parsed.data) }
}

/** What the query prepared for this history; for data from elsewhere (an integrator's own
 * `setQueryData`, a test), the same computed now. */
export function preparedRowsOf(data: CustomerReferrals): PreparedRows {
  return PreparedHistory.rowsOf(data instanceof PreparedHistory ? data : runToEnd(prepareSteps(data)))
}
