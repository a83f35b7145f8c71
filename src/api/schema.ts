import * as v from 'valibot'
import { MAX_MONETARY_DIGITS, type CustomerReferrals, type InvalidReferralRow, type Referral, type ReferralCoupon, type ReferralTotals } from './types'
import { runInSlices, runToEnd, type Steps } from '../scheduling/steps'

/**
 * Valibot schema of the CustomerReferrals2 wire format. Rules (from bubblehouse-api.md):
 * - extra properties are ignored (loose objects);
 * - `status` and `channel` are open enums: any string is kept, unknown values are not fatal;
 * - `null` and absent mean the same thing; Go's zero time `0001-01-01T00:00:00Z` means "no time";
 * - `referrals` must be an array, otherwise the answer is malformed and the widget shows its Error
 *   state; a row without a required field (`referral_bhid`, `channel`, `status`, `sent_at`) or with a
 *   documented field of the wrong type is left out (`invalidRows`), and the other rows are kept;
 * - fields this project only guessed (the coupon object, the totals object) never fail anything:
 *   a different shape reads as absent.
 */

const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/

const time = v.pipe(
  v.string(),
  v.check((value) => GO_ZERO_TIME.test(value) || !Number.isNaN(Date.parse(value)), 'expected an RFC 3339 time'),
)
const optionalTime = v.pipe(
  v.nullish(time),
  v.transform((value) => (value == null || GO_ZERO_TIME.test(value) ? null : value)),
)

const DECIMAL = /^-?\d+(\.\d+)?$/
/** Monetary: documented as a decimal string with 6 fractional digits. A JSON integer is accepted
 * too (it cannot lose precision); a fractional JSON number is refused because floats are not money. */
const monetary = v.union([
  v.pipe(
    v.string(),
    // Length first: the regex and everything after it never see a 4-million-digit string.
    v.maxLength(MAX_MONETARY_DIGITS + 2, `expected at most ${MAX_MONETARY_DIGITS} digits`),
    v.regex(DECIMAL, 'expected a decimal string'),
    v.check((value) => value.replace(/[-.]/g, '').length <= MAX_MONETARY_DIGITS, `expected at most ${MAX_MONETARY_DIGITS} digits`),
  ),
  v.pipe(v.number(), v.safeInteger('expected a decimal string'), v.transform(String)),
])
const optionalMonetary = v.pipe(v.nullish(monetary), v.transform((value) => value ?? null))

const nullable = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(v.nullish(schema), v.transform((value) => value ?? null))

const optionalString = nullable(v.string())
/** Points: an integer, also when a server sends it as a numeric string (`"500"`). */
const optionalPoints = nullable(
  v.union([
    v.pipe(v.number(), v.safeInteger('expected an integer')),
    v.pipe(v.string(), v.regex(/^-?\d{1,15}$/, 'expected an integer'), v.transform(Number)),
  ]),
)

const couponSchema = v.pipe(
  v.looseObject({
    text: v.string(),
    url: optionalString,
    title: optionalString,
    source_label: optionalString,
    used: nullable(v.boolean()),
  }),
  v.transform(
    (c): ReferralCoupon => ({
      text: c.text,
      url: c.url ?? null,
      title: c.title ?? null,
      source_label: c.source_label ?? null,
      used: c.used ?? null,
    }),
  ),
)

const referralSchema = v.pipe(
  v.looseObject({
    referral_bhid: v.pipe(v.string(), v.minLength(1, 'expected a non-empty id')),
    acceptance_bhid: optionalString,
    channel: v.string(),
    destination: optionalString,
    status: v.string(),
    link: optionalString,
    sent_at: time,
    accepted_at: optionalTime,
    reward_pts: optionalPoints,
    reward_pts_value: optionalMonetary,
    reward_amount: optionalMonetary,
    coupon_code: optionalString,
    // Unknown: the docs say ReferralCoupon1 is "used in CustomerReferrals2" without naming the field.
    // We read `coupon`; a differently named field is ignored, and a `coupon` of another shape (a
    // string, an object without `text`) reads as no coupon: a guess never costs a row.
    coupon: v.fallback(nullable(couponSchema), null),
  }),
  v.transform(
    (r): Referral => ({
      referral_bhid: r.referral_bhid,
      acceptance_bhid: r.acceptance_bhid ?? null,
      channel: r.channel,
      destination: r.destination ?? null,
      status: r.status,
      link: r.link ?? null,
      sent_at: r.sent_at,
      accepted_at: r.accepted_at ?? null,
      reward_pts: r.reward_pts ?? null,
      reward_pts_value: r.reward_pts_value ?? null,
      reward_amount: r.reward_amount ?? null,
      coupon_code: r.coupon_code ?? null,
      coupon: r.coupon ?? null,
    }),
  ),
)

const count = nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))

/** Lenient on purpose: the totals object's name and shape are undocumented. A malformed totals
 * object is dropped (totals are then derived from rows) instead of failing the whole answer. */
const totalsSchema = v.pipe(
  v.looseObject({
    sent: v.fallback(count, null),
    approved: v.fallback(count, null),
    rejected: v.fallback(count, null),
    earned_pts: v.fallback(count, null),
    earned_amount: v.fallback(optionalMonetary, null),
  }),
  v.transform(
    (t): ReferralTotals => ({
      sent: t.sent ?? null,
      approved: t.approved ?? null,
      rejected: t.rejected ?? null,
      earned_pts: t.earned_pts ?? null,
      earned_amount: t.earned_amount ?? null,
    }),
  ),
)

/**
 * Where the totals object may live. The newest docs mention "a referral counts and earnings totals
 * object" without its field name; these are the plausible names, first match wins.
 */
export const TOTALS_FIELD_CANDIDATES = ['totals', 'stats', 'referral_stats', 'summary', 'counts'] as const

/** The answer's outer shape: an object with a `referrals` array. Rows are checked one by one. */
export const customerReferralsSchema = v.looseObject({
  referrals: v.array(v.unknown()),
})

export type ParseResult<Data extends CustomerReferrals = CustomerReferrals> =
  | { ok: true; data: Data }
  | { ok: false; /** Dot path of the mismatched field, e.g. `referrals`. */ path: string; expected: string }

/** Parses an untrusted CustomerReferrals2 body. Never throws. Only a body that is not a referrals
 * list at all fails; rows that do not match are left out and listed in `invalidRows`. Neither
 * names a value (it may be a friend's address), only paths and what was expected. */
export function parseCustomerReferrals(body: unknown): ParseResult {
  return runToEnd(validateSteps(body))
}

/** Rows checked between two points where validation may pause (a row is tens of µs to check). */
const ROWS_PER_VALIDATION_PAUSE = 16

/**
 * {@link parseCustomerReferrals} as steps: the outer shape at once, then the rows, pausing every
 * few. Run at once by `parseCustomerReferrals`, in slices by `parseCustomerReferralsAsync` and by
 * the widget's query (`validateAndPrepareSteps`, src/model/prepareHistory.ts).
 */
export function* validateSteps(body: unknown): Steps<ParseResult> {
  const outer = v.safeParse(customerReferralsSchema, body)
  if (!outer.success) return failure(outer.issues[0])
  const rows = new RowReader()
  const referrals = outer.output.referrals
  for (let index = 0; index < referrals.length; index++) {
    rows.read(referrals[index], index)
    if (index % ROWS_PER_VALIDATION_PAUSE === ROWS_PER_VALIDATION_PAUSE - 1) yield
  }
  return { ok: true, data: rows.result(body) }
}

/** Checks rows one at a time, keeping the valid ones and naming the others. */
class RowReader {
  readonly referrals: Referral[] = []
  readonly invalidRows: InvalidReferralRow[] = []

  read(row: unknown, index: number): void {
    const result = v.safeParse(referralSchema, row)
    if (result.success) {
      this.referrals.push(result.output)
    } else {
      const issue = result.issues[0]
      this.invalidRows.push({ index, field: v.getDotPath(issue) ?? '(row)', expected: describeExpected(issue) })
    }
  }

  result(body: unknown): CustomerReferrals {
    return { referrals: this.referrals, totals: readTotals(body), invalidRows: this.invalidRows }
  }
}

/** The failure for a schema issue of the outer shape. */
function failure(issue: v.BaseIssue<unknown>): ParseResult {
  return { ok: false, path: v.getDotPath(issue) ?? '(root)', expected: describeExpected(issue) }
}

/** What was expected, never what was received: valibot's own messages quote the received value. */
function describeExpected(issue: v.BaseIssue<unknown>): string {
  // Our own messages (`expected a decimal string`) name no value; valibot's defaults might.
  if (issue.message.startsWith('expected ')) return issue.message.slice('expected '.length)
  return issue.expected ?? issue.type
}

export interface ParseCustomerReferralsAsyncOptions {
  /** Stops between batches: the promise rejects with the signal's reason. */
  signal?: AbortSignal
  /** How long one batch of rows may run before the parser yields to the page. Default 8 ms. */
  batchBudgetMs?: number
}

/**
 * The same result as {@link parseCustomerReferrals}, for the same body, but the rows are checked in
 * batches with a yield to the main thread between them (a macrotask), so a history of 10,000 rows
 * does not block the page: checked in one go it was a single task of about a second on a slow
 * machine. The same steps as the synchronous parser.
 */
export function parseCustomerReferralsAsync(
  body: unknown,
  { signal, batchBudgetMs = 8 }: ParseCustomerReferralsAsyncOptions = {},
): Promise<ParseResult> {
  return runInSlices(validateSteps(body), { signal, sliceBudgetMs: batchBudgetMs })
}

function readTotals(body: unknown): ReferralTotals | null {
  if (typeof body !== 'object' || body === null) return null
  for (const field of TOTALS_FIELD_CANDIDATES) {
    const candidate = Object.hasOwn(body, field) ? (body as Record<string, unknown>)[field] : undefined
    if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) continue
    const parsed = v.safeParse(totalsSchema, candidate)
    if (parsed.success) return parsed.output
  }
  return null
}
