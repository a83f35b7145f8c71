import { XSS_PAYLOADS } from './xssPayloads'

/**
 * A CustomerReferrals2 body with one row per XSS payload, the payload in every string field the
 * widget reads (destination, link, coupon code, coupon url/title/text/source label, channel,
 * status, ids). Valid by the schema, so the widget renders all of it.
 */
export function injectionBody(payloads: readonly string[] = XSS_PAYLOADS) {
  return {
    totals: { sent: payloads.length, approved: 0, rejected: 0, earned_pts: 0 },
    referrals: payloads.map((payload, index) => ({
      referral_bhid: `${payload}#${index}`,
      acceptance_bhid: `${payload}@${index}`,
      channel: payload,
      destination: payload,
      status: payload,
      link: payload,
      sent_at: '2025-06-01T12:00:00Z',
      accepted_at: null,
      reward_pts: index,
      reward_pts_value: null,
      reward_amount: null,
      coupon_code: `${payload}!code`,
      coupon: { text: payload, url: payload, title: payload, source_label: payload, used: false },
    })),
  }
}
