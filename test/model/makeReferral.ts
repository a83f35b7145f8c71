import type { Referral } from '../../src/api/types'

/** A valid `invited` e-mail row; tests override only the fields they are about. */
export function makeReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    referral_bhid: '20b31881b3010001',
    acceptance_bhid: null,
    channel: 'email',
    destination: 'j•••@e•••.com',
    status: 'invited',
    link: null,
    sent_at: '2024-05-01T12:00:00Z',
    accepted_at: null,
    reward_pts: null,
    reward_pts_value: null,
    reward_amount: null,
    coupon_code: null,
    coupon: null,
    ...overrides,
  }
}
