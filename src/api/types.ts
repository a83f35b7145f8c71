/**
 * Typed shape of a parsed `CustomerReferrals2` answer.
 *
 * Field names follow the API's wire names (snake_case) on purpose: integrators read Bubblehouse's
 * docs, and a field here means exactly what the docs say. Parsing normalises only what the API
 * leaves loose: absent and `null` both become `null`, and Go's zero time becomes `null`.
 */

/** Statuses documented in ReferralStatus3. The API says more may come: unknown strings are kept. */
export const KNOWN_REFERRAL_STATUSES = ['invited', 'qualified', 'approved', 'rejected', 'expired'] as const
export type KnownReferralStatus = (typeof KNOWN_REFERRAL_STATUSES)[number]
/** A referral's status. Any string the API sends is kept; only the documented ones get a meaning. */
export type ReferralStatus = KnownReferralStatus | (string & {})

/** Channels documented in ReferralChannel1 (non-exhaustive per the docs). */
export const KNOWN_REFERRAL_CHANNELS = [
  'email',
  'sms',
  'facebook',
  'messenger',
  'whatsapp',
  'twitter',
  'instagram',
  'threads',
  'telegram',
  'qr-code',
  'custom-personal',
  'custom-social',
] as const
export type KnownReferralChannel = (typeof KNOWN_REFERRAL_CHANNELS)[number]
/** How a referral was sent. Any string the API sends is kept; unknown ones get a generic label. */
export type ReferralChannel = KnownReferralChannel | (string & {})

/**
 * A monetary amount as the API sends it: a decimal string (responses use exactly six fractional
 * digits, e.g. `"42.990000"`). Kept as a string so no float ever touches money; see `model/money`.
 * Rows carry no currency code: the shop currency comes from the `currency` prop.
 */
export type MonetaryString = string

/** The most digits a monetary string may have (the API sends six fractional digits; 30 leaves 24
 * whole ones). Longer strings are refused by the parser: a 4-million-digit amount blocked the page
 * for about 2 s and then showed "€∞". */
export const MAX_MONETARY_DIGITS = 30

/** ReferralCoupon1: customer-safe coupon display data. Which Referral2 field carries it is
 * undocumented; the parser looks for an object under `coupon` (see `api/schema.ts`). */
export interface ReferralCoupon {
  text: string
  url: string | null
  title: string | null
  source_label: string | null
  used: boolean | null
}

/** One row of the customer's referral history (Referral2). */
export interface Referral {
  /** ID of the original send. Repeats across rows of one shared link: not unique. */
  referral_bhid: string
  /** ID of this result; `null` until the referral is tied to a referred customer. */
  acceptance_bhid: string | null
  channel: ReferralChannel
  /** The friend's address as the API sent it (masked by default). `null` for SMS and social sends. */
  destination: string | null
  status: ReferralStatus
  /** The current shareable link, if any (not yet checked for a safe scheme: views do that). */
  link: string | null
  /** RFC 3339 UTC time of the first send. */
  sent_at: string
  /** RFC 3339 UTC time the referral was first tied to a referred customer. */
  accepted_at: string | null
  reward_pts: number | null
  /** Value of `reward_pts` in the shop currency. */
  reward_pts_value: MonetaryString | null
  /** Direct money reward for this row. */
  reward_amount: MonetaryString | null
  coupon_code: string | null
  coupon: ReferralCoupon | null
}

/**
 * The "referral counts and earnings totals" object of the newest API render. Its wire field name
 * and type are undocumented (CustomerReferralStats3 is the likely candidate): every figure is
 * optional and the whole object may be missing, in which case the model derives totals from rows.
 */
export interface ReferralTotals {
  sent: number | null
  approved: number | null
  rejected: number | null
  earned_pts: number | null
  /** Money earned, if the server ever reports it. */
  earned_amount: MonetaryString | null
}

/** A row of the answer that was left out because it does not match Referral2. Names where, never
 * what: the value may be a friend's address. */
export interface InvalidReferralRow {
  /** Index of the row in the answer's `referrals`. */
  index: number
  /** Dot path of the first mismatched field inside the row, e.g. `sent_at` (`(row)` when the row
   * is not an object at all). */
  field: string
  /** What the format expects there, e.g. `integer`. */
  expected: string
}

/** A parsed `CustomerReferrals2` answer. */
export interface CustomerReferrals {
  /** Every row that matches Referral2. */
  referrals: Referral[]
  /** Server totals when the API sent them, else `null`. */
  totals: ReferralTotals | null
  /** Rows of the answer left out because they do not match Referral2; absent or empty when every
   * row was read. One malformed row never takes the others with it. */
  invalidRows?: readonly InvalidReferralRow[]
}
