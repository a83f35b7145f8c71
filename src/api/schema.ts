import * as v from 'valibot'
import type { CustomerReferrals, Referral, ReferralCoupon, ReferralTotals } from './types'
import { timeSlices } from './timeSlices'

/**
 * Valibot schema of the CustomerReferrals2 wire format. Rules (from bubblehouse-api.md):
 * - extra properties are ignored (loose objects);
 * - `status` and `channel` are open enums: any string is kept, unknown values are not fatal;
 * - `null` and absent mean the same thing; Go's zero time `0001-01-01T00:00:00Z` means "no time";
 * - required fields (`referral_bhid`, `channel`, `status`, `sent_at`, `referrals`) must be there,
 *   otherwise the answer is malformed and the widget shows its Error state.
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
  v.pipe(v.string(), v.regex(DECIMAL, 'expected a decimal string')),
  v.pipe(v.number(), v.integer('expected a decimal string'), v.transform(String)),
])
const optionalMonetary = v.pipe(v.nullish(monetary), v.transform((value) => value ?? null))

const nullable = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(v.nullish(schema), v.transform((value) => value ?? null))

const optionalString = nullable(v.string())
const optionalInteger = nullable(v.pipe(v.number(), v.integer(), v.safeInteger()))

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
    reward_pts: optionalInteger,
    reward_pts_value: optionalMonetary,
    reward_amount: optionalMonetary,
    coupon_code: optionalString,
    // Unknown: the docs say ReferralCoupon1 is "used in CustomerReferrals2" without naming the field.
    // We read `coupon`; a differently named field is ignored rather than fatal.
    coupon: nullable(couponSchema),
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

export const customerReferralsSchema = v.looseObject({
  referrals: v.array(referralSchema),
})

export type ParseResult =
  | { ok: true; data: CustomerReferrals }
  | { ok: false; /** Dot path of the first mismatched field, e.g. `referrals.3.sent_at`. */ path: string; expected: string }

/** Parses an untrusted CustomerReferrals2 body. Never throws. The failure names the field and
 * what was expected, but never echoes the value (it may be a friend's address). */
export function parseCustomerReferrals(body: unknown): ParseResult {
  const result = v.safeParse(customerReferralsSchema, body)
  if (!result.success) return failure(result.issues[0])
  return { ok: true, data: { referrals: result.output.referrals, totals: readTotals(body) } }
}

/** The failure for a schema issue: its dot path, under `parent` when the issue is a row's own. */
function failure(issue: v.BaseIssue<unknown>, parent?: string): ParseResult {
  const path = v.getDotPath(issue)
  return {
    ok: false,
    path: parent === undefined ? (path ?? '(root)') : path ? `${parent}.${path}` : parent,
    expected: issue.expected ?? issue.message,
  }
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
 * machine. Each row is checked by the very schema the synchronous parser applies to it, and a
 * failure is named with the same path and expectation.
 */
export async function parseCustomerReferralsAsync(
  body: unknown,
  { signal, batchBudgetMs = 8 }: ParseCustomerReferralsAsyncOptions = {},
): Promise<ParseResult> {
  const rows = typeof body === 'object' && body !== null ? (body as { referrals?: unknown }).referrals : undefined
  // Anything but an object with a `referrals` array fails (or passes) at once: the whole-body
  // schema is quick there and gives the exact same answer by construction.
  if (!Array.isArray(rows)) return parseCustomerReferrals(body)

  const referrals: Referral[] = []
  const batches = timeSlices({ signal, sliceBudgetMs: batchBudgetMs })
  for (let index = 0; index < rows.length; index++) {
    if (batches.due()) await batches.next()
    const result = v.safeParse(referralSchema, rows[index])
    // The row's own path (none when the row is not an object at all) under `referrals.<index>`.
    if (!result.success) return failure(result.issues[0], `referrals.${index}`)
    referrals.push(result.output)
  }
  // And once more at the end if the last batch took a while: what follows (the preparation of
  // every row, the first render) is a task's worth of work of its own, better not added to it. A
  // short history goes straight on: a yield there is a task hop, sometimes a frame, before the rows.
  if (batches.due(1 / 2)) await batches.next()
  signal?.throwIfAborted()
  return { ok: true, data: { referrals, totals: readTotals(body) } }
}

function readTotals(body: unknown): ReferralTotals | null {
  if (typeof body !== 'object' || body === null) return null
  for (const field of TOTALS_FIELD_CANDIDATES) {
    const candidate = (body as Record<string, unknown>)[field]
    if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) continue
    const parsed = v.safeParse(totalsSchema, candidate)
    if (parsed.success) return parsed.output
  }
  return null
}
