import { KNOWN_REFERRAL_STATUSES, type KnownReferralStatus, type ReferralStatus } from '../api/types'
import type { MessageKey } from '../i18n/messages'

/** Extra styling only: the meaning is always in the words. */
export type StatusTone = 'positive' | 'pending' | 'negative' | 'neutral'

export interface StatusMeaning {
  /** `false` for a status this version does not know; the raw value is never shown. */
  known: boolean
  labelKey: MessageKey
  nextKey: MessageKey
  tone: StatusTone
  /** The invitation is still open, so sending its link again can still bring the friend in. Only
   * `invited`: from `qualified` on the friend has already acted, and the other statuses are final. */
  resendable: boolean
}

const MEANINGS: Record<KnownReferralStatus, StatusMeaning> = {
  invited: { known: true, labelKey: 'status.invited.label', nextKey: 'status.invited.next', tone: 'pending', resendable: true },
  qualified: { known: true, labelKey: 'status.qualified.label', nextKey: 'status.qualified.next', tone: 'pending', resendable: false },
  approved: { known: true, labelKey: 'status.approved.label', nextKey: 'status.approved.next', tone: 'positive', resendable: false },
  rejected: { known: true, labelKey: 'status.rejected.label', nextKey: 'status.rejected.next', tone: 'negative', resendable: false },
  expired: { known: true, labelKey: 'status.expired.label', nextKey: 'status.expired.next', tone: 'negative', resendable: false },
}

/**
 * A status the API added after this version. It reads as neutral "in progress" wording because we
 * cannot know whether it is good or bad news, and the raw code (it could be internal, e.g.
 * "fraud_review") is not something to show a shopper.
 */
const UNKNOWN: StatusMeaning = {
  known: false,
  labelKey: 'status.unknown.label',
  nextKey: 'status.unknown.next',
  tone: 'neutral',
  // Its meaning is unknown, so it may be final: never offer its link.
  resendable: false,
}

export function isKnownStatus(status: ReferralStatus): status is KnownReferralStatus {
  return (KNOWN_REFERRAL_STATUSES as readonly string[]).includes(status)
}

export function describeStatus(status: ReferralStatus): StatusMeaning {
  return isKnownStatus(status) ? MEANINGS[status] : UNKNOWN
}
