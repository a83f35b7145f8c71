/**
 * The shape of a message catalogue. Every string the widget shows has a key here, so a locale is
 * added by writing one more catalogue and no view changes.
 *
 * Messages stay JSON-serialisable (strings and plural objects, never functions) because the
 * script-tag embed accepts overrides as JSON.
 *
 * Placeholders are written `{name}`; numbers are formatted for the locale. A plural message picks
 * its form from the `count` value with `Intl.PluralRules`; `other` is required as the fallback.
 */

/** CLDR plural forms. `other` is the only one every language has, so it is the fallback. */
export interface PluralMessage {
  zero?: string
  one?: string
  two?: string
  few?: string
  many?: string
  other: string
}

export type Message = string | PluralMessage

export interface Messages {
  // Widget-wide: the title heading and the polite live announcements of the root component.
  'title': Message
  /** Values: `count` (number of referrals loaded). */
  'announceLoaded': Message
  'announceEmpty': Message
  'announceProblem': Message

  // The history (ready state)
  /** Table caption, read by screen readers before the table. */
  'history.caption': Message
  'history.column.friend': Message
  'history.column.status': Message
  'history.column.date': Message
  'history.column.reward': Message
  /** Header of a send used by several friends. Values: `channel`, `count`. */
  'history.group': Message
  /** A quiet line below the list when rows of the answer could not be read (they are left out).
   * Values: `count` (at least 1). */
  'history.invalidRows': Message

  // Summary figures; the value is shown beside the label. Values: `count` where it is a count.
  'summary.friendsReferred': Message
  'summary.rewarded': Message
  'summary.waiting': Message
  'summary.notRewarded': Message
  'summary.pointsEarned': Message
  'summary.moneyEarned': Message
  /** Approximate money value of the points earned. Values: `amount`. */
  'summary.pointsWorth': Message

  // Status of one referral: a label and what happens next.
  'status.invited.label': Message
  'status.invited.next': Message
  'status.qualified.label': Message
  'status.qualified.next': Message
  'status.approved.label': Message
  'status.approved.next': Message
  'status.rejected.label': Message
  'status.rejected.next': Message
  'status.expired.label': Message
  'status.expired.next': Message
  /** A status this version does not know yet (the API says more may come). */
  'status.unknown.label': Message
  'status.unknown.next': Message

  // Channel names, and the phrase that stands in for the friend when the API recorded no address.
  'channel.email': Message
  'channel.email.shared': Message
  'channel.sms': Message
  'channel.sms.shared': Message
  'channel.facebook': Message
  'channel.facebook.shared': Message
  'channel.messenger': Message
  'channel.messenger.shared': Message
  'channel.whatsapp': Message
  'channel.whatsapp.shared': Message
  'channel.twitter': Message
  'channel.twitter.shared': Message
  'channel.instagram': Message
  'channel.instagram.shared': Message
  'channel.threads': Message
  'channel.threads.shared': Message
  'channel.telegram': Message
  'channel.telegram.shared': Message
  'channel.qr-code': Message
  'channel.qr-code.shared': Message
  'channel.custom-personal': Message
  'channel.custom-personal.shared': Message
  'channel.custom-social': Message
  'channel.custom-social.shared': Message
  /** A channel this version does not know yet. */
  'channel.other': Message
  'channel.other.shared': Message

  // Dates
  'date.sent': Message
  'date.accepted': Message
  'date.unknown': Message

  // Rewards. Values: `count` for points, `amount` for money.
  'reward.points': Message
  'reward.pointsWorth': Message
  /** Read by screen readers where a dash shows: for a referral that ended without a reward. */
  'reward.none': Message
  /** As above, for a referral that may still earn one. */
  'reward.noneYet': Message

  // Coupon code with a copy button. Values: `code`.
  'coupon.copy': Message
  'coupon.copyLabel': Message
  'coupon.copied': Message
  'coupon.copyFailed': Message
  'coupon.used': Message
  'coupon.open': Message
  // Resending an invitation that is still open: copy the friend's current shareable link.
  'invite.copy': Message
  /** Accessible name of the Copy link button. Values: `friend` (the row's friend or channel). */
  'invite.copyLabel': Message
  'invite.copied': Message
  'invite.copyFailed': Message

  // Other states
  'loading.label': Message
  'empty.title': Message
  'empty.body': Message
  'empty.cta': Message
  'invalidToken.title': Message
  'invalidToken.body': Message
  /** The link to the shop's sign-in page (shown when `signInUrl` is given). */
  'invalidToken.signIn': Message
  'rateLimited.title': Message
  /** Values: `seconds`. */
  'rateLimited.countdown': Message
  'rateLimited.retryingNow': Message
  'rateLimited.tryLater': Message
  'rateLimited.showingLastGood': Message
  'rateLimited.retry': Message
  'error.title': Message
  'error.body': Message
  'error.retry': Message
  /** The Retry button while the load it started runs. */
  'error.retrying': Message
  /** Values: `code` (the API error id, for support). */
  'error.reference': Message
  'configError.title': Message
  'configError.body': Message
}

export type MessageKey = keyof Messages

/** What an integrator may pass: any subset of the catalogue, merged over English. */
export type MessageOverrides = Partial<Messages>

/** Values substituted into `{name}` placeholders. Numbers are formatted for the locale. */
export type MessageValues = Readonly<Record<string, string | number>>
