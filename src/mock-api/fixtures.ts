import type { Referral, ReferralTotals } from '../api/types'

/**
 * Fixture data of the mock Bubblehouse API, in the CustomerReferrals2 wire shape.
 *
 * Destinations are stored in full, the way the server holds them; the mock masks them when it
 * answers (see `maskDestination`), unless the request may and does ask for `deanonymize`, or the
 * scenario is the broken `leaky-emails` server. All times derive from one fixed reference date,
 * never the clock, so screenshots and snapshots stay stable.
 */

/** "Now" of every fixture: the moment the histories were captured. */
export const FIXTURE_REFERENCE_DATE = '2025-06-15T12:00:00Z'

const REFERENCE_MS = Date.parse(FIXTURE_REFERENCE_DATE)
const DAY_MS = 86_400_000

/** RFC 3339 UTC time `days` (may be fractional) before the reference date, without milliseconds. */
export function daysBeforeReference(days: number): string {
  return new Date(REFERENCE_MS - Math.round(days * DAY_MS)).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The API's monetary format: a decimal string with exactly six fractional digits. Taking
 * millionths (an integer) keeps floats out of money. */
export function monetary(millionths: number): string {
  const whole = Math.floor(millionths / 1_000_000)
  return `${whole}.${String(millionths % 1_000_000).padStart(6, '0')}`
}

const LINK_BASE = 'https://demo-shop.example/r/'

/** A row in the docs' field order, every optional field empty unless given. */
function referral(fields: Pick<Referral, 'referral_bhid' | 'channel' | 'status' | 'sent_at'> & Partial<Referral>): Referral {
  return {
    referral_bhid: fields.referral_bhid,
    acceptance_bhid: fields.acceptance_bhid ?? null,
    channel: fields.channel,
    destination: fields.destination ?? null,
    status: fields.status,
    link: fields.link ?? null,
    sent_at: fields.sent_at,
    accepted_at: fields.accepted_at ?? null,
    reward_pts: fields.reward_pts ?? null,
    reward_pts_value: fields.reward_pts_value ?? null,
    reward_amount: fields.reward_amount ?? null,
    coupon_code: fields.coupon_code ?? null,
    coupon: fields.coupon ?? null,
  }
}

/**
 * The `typical` customer: all five ReferralStatus3 values, all twelve ReferralChannel1 values, one
 * Facebook link shared once and used by three friends (three rows, one `referral_bhid`), rewards
 * as points, money and coupons. Deliberately not sorted: the API documents no order.
 */
export const TYPICAL_REFERRALS: readonly Referral[] = [
  referral({
    referral_bhid: '20b31881b3010001',
    acceptance_bhid: '20b31881b30100a1',
    channel: 'email',
    destination: 'jane.cooper@example.com',
    status: 'approved',
    link: `${LINK_BASE}K7Q2M`,
    sent_at: daysBeforeReference(41.2),
    accepted_at: daysBeforeReference(39.9),
    reward_pts: 500,
    reward_pts_value: monetary(5_000_000),
  }),
  referral({
    referral_bhid: '20b31881b3010002',
    acceptance_bhid: '20b31881b30100a2',
    channel: 'email',
    destination: 'marcus.lee@example.org',
    status: 'qualified',
    link: `${LINK_BASE}P3X9D`,
    sent_at: daysBeforeReference(12.5),
    accepted_at: daysBeforeReference(3.1),
  }),
  referral({
    referral_bhid: '20b31881b3010003',
    channel: 'email',
    destination: 'priya.natarajan@example.net',
    status: 'invited',
    link: `${LINK_BASE}B8N4T`,
    sent_at: daysBeforeReference(1.8),
  }),
  referral({
    // Expired sends have no live link (the older Referral2 render: link null iff expired).
    referral_bhid: '20b31881b3010004',
    channel: 'email',
    destination: 'old.friend@example.com',
    status: 'expired',
    sent_at: daysBeforeReference(212.4),
  }),
  referral({
    referral_bhid: '20b31881b3010005',
    acceptance_bhid: '20b31881b30100a5',
    channel: 'sms',
    status: 'approved',
    link: `${LINK_BASE}S5M2S`,
    sent_at: daysBeforeReference(63.3),
    accepted_at: daysBeforeReference(60.7),
    reward_amount: monetary(10_000_000),
  }),
  referral({
    referral_bhid: '20b31881b3010006',
    acceptance_bhid: '20b31881b30100a6',
    channel: 'whatsapp',
    status: 'rejected',
    link: `${LINK_BASE}W4H6A`,
    sent_at: daysBeforeReference(95.6),
    accepted_at: daysBeforeReference(94.2),
  }),
  // One shared Facebook post, three friends: three rows, one `referral_bhid`.
  referral({
    referral_bhid: '20b31881b3010007',
    acceptance_bhid: '20b31881b30100a7',
    channel: 'facebook',
    status: 'approved',
    link: `${LINK_BASE}F1B7K`,
    sent_at: daysBeforeReference(30.4),
    accepted_at: daysBeforeReference(29.6),
    reward_pts: 500,
    reward_pts_value: monetary(5_000_000),
  }),
  referral({
    referral_bhid: '20b31881b3010007',
    acceptance_bhid: '20b31881b30100a8',
    channel: 'facebook',
    status: 'qualified',
    link: `${LINK_BASE}F1B7K`,
    sent_at: daysBeforeReference(30.4),
    accepted_at: daysBeforeReference(6.2),
  }),
  referral({
    referral_bhid: '20b31881b3010007',
    acceptance_bhid: '20b31881b30100a9',
    channel: 'facebook',
    status: 'rejected',
    link: `${LINK_BASE}F1B7K`,
    sent_at: daysBeforeReference(30.4),
    accepted_at: daysBeforeReference(21.9),
  }),
  referral({
    referral_bhid: '20b31881b3010008',
    channel: 'messenger',
    status: 'invited',
    link: `${LINK_BASE}M9S3G`,
    sent_at: daysBeforeReference(4.4),
  }),
  referral({
    referral_bhid: '20b31881b3010009',
    acceptance_bhid: '20b31881b30100b1',
    channel: 'twitter',
    status: 'approved',
    link: `${LINK_BASE}X2T8W`,
    sent_at: daysBeforeReference(120.1),
    accepted_at: daysBeforeReference(117.3),
    coupon_code: 'FRIEND-7KQ2',
    coupon: {
      text: 'FRIEND-7KQ2',
      url: 'https://demo-shop.example/discount/FRIEND-7KQ2',
      title: '15% off your next order',
      source_label: 'Referral reward',
      used: false,
    },
  }),
  referral({
    referral_bhid: '20b31881b301000a',
    acceptance_bhid: '20b31881b30100b2',
    channel: 'instagram',
    status: 'qualified',
    link: `${LINK_BASE}I6G1R`,
    sent_at: daysBeforeReference(18.7),
    accepted_at: daysBeforeReference(9.3),
  }),
  referral({
    referral_bhid: '20b31881b301000b',
    channel: 'threads',
    status: 'invited',
    link: `${LINK_BASE}T3H5D`,
    sent_at: daysBeforeReference(7.9),
  }),
  referral({
    referral_bhid: '20b31881b301000c',
    acceptance_bhid: '20b31881b30100b3',
    channel: 'telegram',
    status: 'approved',
    link: `${LINK_BASE}G8L4M`,
    sent_at: daysBeforeReference(150.2),
    accepted_at: daysBeforeReference(148.8),
    reward_pts: 250,
    reward_pts_value: monetary(2_500_000),
  }),
  referral({
    referral_bhid: '20b31881b301000d',
    acceptance_bhid: '20b31881b30100b4',
    channel: 'qr-code',
    status: 'approved',
    link: `${LINK_BASE}Q7R0C`,
    sent_at: daysBeforeReference(75.5),
    accepted_at: daysBeforeReference(75.1),
    coupon_code: 'QR-5OFF-2M8D',
  }),
  referral({
    referral_bhid: '20b31881b301000e',
    channel: 'custom-personal',
    status: 'invited',
    link: `${LINK_BASE}C4P9N`,
    sent_at: daysBeforeReference(0.3),
  }),
  referral({
    referral_bhid: '20b31881b301000f',
    channel: 'custom-social',
    status: 'expired',
    sent_at: daysBeforeReference(260.8),
  }),
]

/**
 * Totals the way a server would count them (CustomerReferralStats3 is the likely shape: `sent`,
 * `approved`, `rejected`, `earned_pts`). `sent` counts sends (distinct `referral_bhid`), so a link
 * shared once counts once however many friends used it: an inference, the docs do not say.
 */
export function totalsOf(referrals: readonly Referral[]): Pick<ReferralTotals, 'sent' | 'approved' | 'rejected' | 'earned_pts'> {
  return {
    sent: new Set(referrals.map((r) => r.referral_bhid)).size,
    approved: referrals.filter((r) => r.status === 'approved').length,
    rejected: referrals.filter((r) => r.status === 'rejected').length,
    earned_pts: referrals.reduce((sum, r) => sum + (r.status === 'approved' ? (r.reward_pts ?? 0) : 0), 0),
  }
}

/** A row from a channel newer than the docs, carrying an undocumented property clients must ignore.
 * Not an object literal inside the array, so the extra property passes as a plain `Referral`. */
const PIGEON_ROW = {
  ...referral({
    referral_bhid: '20b31881b3020002',
    acceptance_bhid: '20b31881b30200a2',
    channel: 'carrier-pigeon',
    status: 'approved',
    link: `${LINK_BASE}U2P1G`,
    sent_at: daysBeforeReference(48.9),
    accepted_at: daysBeforeReference(44.0),
    reward_pts: 100,
    reward_pts_value: monetary(1_000_000),
  }),
  // An undocumented property: clients must ignore it.
  pigeon_name: 'Gustave',
}

/**
 * The `unknown-values` customer: statuses and channels newer than the docs (the API says more may
 * come), an undocumented extra property, and two ordinary rows for contrast. No totals.
 */
export const UNKNOWN_VALUES_REFERRALS: readonly Referral[] = [
  referral({
    referral_bhid: '20b31881b3020001',
    acceptance_bhid: '20b31881b30200a1',
    channel: 'email',
    destination: 'hold.me@example.com',
    status: 'on_hold',
    link: `${LINK_BASE}U1H0L`,
    sent_at: daysBeforeReference(14.2),
    accepted_at: daysBeforeReference(11.6),
  }),
  PIGEON_ROW,
  referral({
    referral_bhid: '20b31881b3020003',
    channel: 'carrier-pigeon',
    status: 'on_hold',
    sent_at: daysBeforeReference(5.5),
  }),
  referral({
    referral_bhid: '20b31881b3020004',
    acceptance_bhid: '20b31881b30200a4',
    channel: 'whatsapp',
    status: 'approved',
    link: `${LINK_BASE}U4W3A`,
    sent_at: daysBeforeReference(22.3),
    accepted_at: daysBeforeReference(20.1),
    reward_pts: 500,
    reward_pts_value: monetary(5_000_000),
  }),
  referral({
    referral_bhid: '20b31881b3020005',
    channel: 'email',
    destination: 'sam.rivera@example.com',
    status: 'invited',
    link: `${LINK_BASE}U5E7V`,
    sent_at: daysBeforeReference(2.2),
  }),
]

/**
 * The `long-values` customer: values at the limits of a narrow layout. The real mask format is
 * undocumented, so a server may well keep long parts of an address: these destinations are stored
 * already masked (and are answered as stored), with coupon codes and titles far wider than a phone.
 */
export const LONG_VALUES_REFERRALS: readonly Referral[] = [
  referral({
    referral_bhid: '20b31881b3030001',
    acceptance_bhid: '20b31881b30300a1',
    channel: 'email',
    destination: 'maximilian.alexander.featherstonehaugh-worthington•••••@extraordinarily-long-subdomain-of-a-company•••••.co.uk',
    status: 'approved',
    link: `${LINK_BASE}L1X9Q`,
    sent_at: daysBeforeReference(20.4),
    accepted_at: daysBeforeReference(18.2),
    coupon_code: 'REFERRAL-REWARD-SUMMER-2025-FRIENDS-AND-FAMILY-7KQ2M9XD4TZ8',
    coupon: {
      text: 'REFERRAL-REWARD-SUMMER-2025-FRIENDS-AND-FAMILY-7KQ2M9XD4TZ8',
      url: 'https://demo-shop.example/discount/REFERRAL-REWARD-SUMMER-2025-FRIENDS-AND-FAMILY-7KQ2M9XD4TZ8',
      title: '25% off your next order of full-price items, excluding gift cards and sale items',
      source_label: 'Referral reward',
      used: false,
    },
  }),
  referral({
    referral_bhid: '20b31881b3030002',
    acceptance_bhid: '20b31881b30300a2',
    channel: 'email',
    destination: 'w•••••••••••••••••••••••••••••••••••••••••••••••••••@b•••••••••••••••••••••••••••••••.com',
    status: 'qualified',
    link: `${LINK_BASE}L2W8R`,
    sent_at: daysBeforeReference(9.6),
    accepted_at: daysBeforeReference(2.5),
  }),
  referral({
    referral_bhid: '20b31881b3030003',
    acceptance_bhid: '20b31881b30300a3',
    channel: 'sms',
    destination: '+44 •••• ••• ••• •••• ••• ••• ••89',
    status: 'approved',
    link: `${LINK_BASE}L3S7T`,
    sent_at: daysBeforeReference(33.1),
    accepted_at: daysBeforeReference(30.8),
    reward_pts: 1_250_000,
    reward_pts_value: monetary(12_500_000_000),
    coupon_code: 'SUPERCALIFRAGILISTICEXPIALIDOCIOUSDISCOUNTCODEWITHOUTANYBREAKS2025',
  }),
]

/** The proxy page the `html-error` scenario answers instead of the API's JSON error body. */
export const PROXY_ERROR_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
