import fc from 'fast-check'
import { KNOWN_REFERRAL_CHANNELS, KNOWN_REFERRAL_STATUSES } from '../../src/api/types'
import { XSS_PAYLOADS } from './xssPayloads'

/**
 * fast-check generators of CustomerReferrals2 bodies: valid ones full of hostile strings, and
 * broken ones (wrong types, missing or extra fields, null vs absent, unknown enum values, huge
 * arrays). Bodies are plain JSON values, exactly what `JSON.parse` hands the parser.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

const EMOJI = ['👩🏽‍💻', '🏳️‍🌈', '🇯🇵', '👨‍👩‍👧‍👦', '🧑🏿‍🦯‍➡️', '❤️‍🔥', '\u{1F600}\u{FE0F}', '🫠']
const RTL = ['مرحبا بالعالم', 'שלום עולם', '\u202eevil.exe\u202c', '\u200fright-to-left\u200e', 'فريق@مثال.كوم', 'ي‌ا']
const CONTROL = ['\u0000', '\u0007', '\b', '\t', '\n', '\r', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\ud800', '\udfff', '\ufffd']
const EMAIL_LIKE = ['jane.cooper@example.com', 'Jane <jane@example.com>', 'a@b.co', '"quoted"@example.org', 'x@localhost', '+44 7700 900123', '5551234']

/** A fragment of a hostile string. Long runs are built by repetition, not random generation. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...XSS_PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...RTL) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...EMAIL_LIKE) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('W', '字', '😀', 'a '), fc.integer({ min: 200, max: 5_000 })).map(([unit, times]) => unit.repeat(times)) },
)

/** Any string a server might send, weighted towards the nasty ones. */
export const hostileString: fc.Arbitrary<string> = fc.array(fragment, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''))

/** Marks a key as absent rather than null in generated records. */
const ABSENT = Symbol('absent')
type Maybe<T> = T | null | typeof ABSENT

/** `null`, absent, or a value: the API treats the first two alike, the parser must too. */
function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Maybe<T>> {
  return fc.oneof(fc.constant<typeof ABSENT>(ABSENT), fc.constant(null), arbitrary)
}

function withoutAbsent(record: Record<string, unknown>): JsonObject {
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(record)) if (value !== ABSENT) out[key] = value as Json
  return out
}

const knownOrHostile = (known: readonly string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileString })

const MIN_TIME = Date.parse('1970-01-01T00:00:00Z')
const MAX_TIME = Date.parse('2100-01-01T00:00:00Z')

/** RFC 3339 times as the API writes them (UTC, with or without fractions), plus Go's zero time. */
export const apiTime: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: MIN_TIME, max: MAX_TIME }).map((ms) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z')) },
  { weight: 1, arbitrary: fc.integer({ min: MIN_TIME, max: MAX_TIME }).map((ms) => new Date(ms).toISOString()) },
  { weight: 1, arbitrary: fc.constant('0001-01-01T00:00:00Z') },
)

/** Monetary values: six-decimal strings of any sign and of every size up to the parser's limit
 * (30 digits: 24 whole ones), and integers. */
const monetary: fc.Arbitrary<string | number> = fc.oneof(
  fc.bigInt({ min: -(10n ** 30n - 1n), max: 10n ** 30n - 1n }).map((micros) => {
    const sign = micros < 0n ? '-' : ''
    const magnitude = micros < 0n ? -micros : micros
    return `${sign}${magnitude / 1_000_000n}.${String(magnitude % 1_000_000n).padStart(6, '0')}`
  }),
  fc.integer(),
  fc.constantFrom('0.000000', '5', '-0.5', '12.3456789'),
)

const link = fc.oneof(fc.webUrl(), fc.constantFrom(...XSS_PAYLOADS), hostileString)

const coupon = fc
  .record({
    text: hostileString,
    url: optional(link),
    title: optional(hostileString),
    source_label: optional(hostileString),
    used: optional(fc.boolean()),
  })
  .map(withoutAbsent)

/** Fields the parser does not know: they must be ignored, whatever they hold. */
const extraFields = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'updated_at')),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  { maxKeys: 2 },
)

/** One valid Referral2 row: every required field right, every optional one null, absent or set. */
export const validReferral: fc.Arbitrary<JsonObject> = fc
  .record({
    fields: fc.record({
      referral_bhid: fc.oneof(fc.constantFrom('20b31881b3010001', '20b31881b3010002', '20b31881b3010003'), hostileString.filter((s) => s.length > 0)),
      acceptance_bhid: optional(fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }), hostileString)),
      channel: knownOrHostile(KNOWN_REFERRAL_CHANNELS),
      destination: optional(hostileString),
      status: knownOrHostile(KNOWN_REFERRAL_STATUSES),
      link: optional(link),
      sent_at: apiTime,
      accepted_at: optional(apiTime),
      reward_pts: optional(fc.maxSafeInteger()),
      reward_pts_value: optional(monetary),
      reward_amount: optional(monetary),
      coupon_code: optional(hostileString),
      coupon: optional(coupon),
    }),
    extra: extraFields,
  })
  .map(({ fields, extra }) => ({ ...extra, ...withoutAbsent(fields) }))

const totals = fc
  .record({
    sent: optional(fc.nat()),
    approved: optional(fc.nat()),
    rejected: optional(fc.nat()),
    earned_pts: optional(fc.nat()),
    earned_amount: optional(monetary),
  })
  .map(withoutAbsent)

/** A body the parser must accept (unknown enum values and extra fields included). */
export const validBody: fc.Arbitrary<JsonObject> = fc
  .record({
    referrals: fc.array(validReferral, { maxLength: 12 }),
    totalsField: fc.constantFrom('totals', 'stats', 'summary', 'none'),
    totals: fc.oneof(totals, fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>),
    extra: extraFields,
  })
  .map(({ referrals, totalsField, totals: t, extra }) => {
    const body: JsonObject = { ...extra, referrals }
    if (totalsField !== 'none') body[totalsField] = t
    return body
  })

const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>

/** A valid body with one thing broken: a field of one row replaced by any JSON value or deleted,
 * a row replaced by a non-object, or `referrals` itself replaced or deleted. */
export const mutatedBody: fc.Arbitrary<JsonObject> = fc
  .record({
    body: validBody.filter((body) => Array.isArray(body.referrals) && body.referrals.length > 0),
    target: fc.constantFrom('field', 'delete-field', 'row', 'referrals', 'delete-referrals'),
    field: fc.constantFrom(
      'referral_bhid',
      'acceptance_bhid',
      'channel',
      'destination',
      'status',
      'link',
      'sent_at',
      'accepted_at',
      'reward_pts',
      'reward_pts_value',
      'reward_amount',
      'coupon_code',
      'coupon',
    ),
    index: fc.nat(),
    value: anyJson,
  })
  .map(({ body, target, field, index, value }) => {
    const referrals = (body.referrals as JsonObject[]).map((row) => ({ ...row }))
    const at = index % referrals.length
    const row = referrals[at] as JsonObject
    const out: JsonObject = { ...body, referrals }
    switch (target) {
      case 'field':
        row[field] = value
        break
      case 'delete-field':
        delete row[field]
        break
      case 'row':
        referrals[at] = value as JsonObject
        break
      case 'referrals':
        out.referrals = value
        break
      case 'delete-referrals':
        delete out.referrals
        break
    }
    return out
  })

/** Anything at all where a body belongs: numbers, strings, arrays, objects of the wrong shape. */
export const arbitraryBody: fc.Arbitrary<Json> = fc.oneof(
  anyJson,
  fc.record({ referrals: anyJson }).map((body) => body as Json),
  fc.record({ referrals: fc.array(anyJson, { maxLength: 5 }) }).map((body) => body as Json),
)

/** Thousands of rows: one valid row repeated, or a huge array of junk. */
export const hugeBody: fc.Arbitrary<Json> = fc
  .record({ row: validReferral, size: fc.integer({ min: 5_000, max: 12_000 }), junk: fc.boolean() })
  .map(({ row, size, junk }) => ({
    referrals: junk
      ? Array.from({ length: size }, (_, index) => (index % 2 === 0 ? index : `${index}`))
      : Array.from({ length: size }, (_, index) => ({ ...row, referral_bhid: `bhid-${index % 97}` })),
  }))
