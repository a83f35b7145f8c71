import type { CustomerReferrals, Referral } from '../api/types'
import { createTranslator, type Translator } from '../i18n/translator'
import { resolveLocale } from '../i18n/locale'
import type { Messages } from '../i18n/messages'
import { channelMessages } from './channel'
import { createDateFormatter, parseApiTime } from './dates'
import { describeDestination } from './destination'
import type { SendGroup } from './groupBySend'
import { createMoneyFormatter, type Micros, parseMonetary } from './money'
import { preparedRowsOf } from './prepareHistory'
import { safeLink } from './safeLink'
import { describeStatus, type StatusTone } from './status'
import { computeTotals, type ReferralTotalsSummary } from './totals'

export interface BuildHistoryOptions {
  /** BCP 47 tag; an invalid one falls back to English formatting instead of throwing. */
  locale: string
  /** ISO 4217 code of the shop currency. The API sends none; without it amounts show as numbers. */
  currency?: string | null
  /** The integrator opted into unmasked destinations. Default `false`. */
  deanonymize?: boolean
  messages: Messages
  /** IANA zone for dates. Default: the shopper's own. */
  timeZone?: string
}

export type SummaryFigureId =
  | 'friends-referred'
  | 'rewarded'
  | 'waiting'
  | 'not-rewarded'
  | 'points-earned'
  | 'money-earned'

export interface SummaryFigure {
  id: SummaryFigureId
  label: string
  value: string
  /** A secondary line, e.g. "≈ worth $12.00" under the points. */
  detail: string | null
}

export interface SummaryModel {
  figures: SummaryFigure[]
  /** The raw figures, for integrators who render their own summary. */
  totals: ReferralTotalsSummary
}

export interface CouponModel {
  key: string
  code: string
  title: string | null
  /** Already checked: an absolute http(s) URL or `null`. */
  url: string | null
  used: boolean
}

export interface RewardModel {
  /** e.g. "500 points". */
  points: string | null
  /** e.g. "≈ $5.00", the points' value in the shop currency. */
  pointsValue: string | null
  /** The direct money reward, e.g. "$10.00". */
  money: string | null
  coupons: CouponModel[]
}

export interface RowModel {
  /** Stable and unique across the whole list: use as the React key. */
  key: string
  referral_bhid: string
  /** The status as the API sent it. A styling and support hook only; never shown as text. */
  status: string
  tone: StatusTone
  statusLabel: string
  statusNext: string
  friend: {
    /** The (masked) destination, or the channel phrase such as "Shared on WhatsApp". */
    text: string
    isDestination: boolean
    channelLabel: string
  }
  /** The date the row is sorted by; `null` when the API sent no readable time. */
  date: { label: string; text: string; iso: string } | null
  reward: RewardModel
  /** The friend's current shareable link, to send again: only on a still-open invitation
   * (`invited`) and only an absolute http(s) URL, else `null`. Never set for a final status. */
  inviteLink: string | null
}

export interface GroupModel {
  referral_bhid: string
  /** "Shared link · used by 3 friends" when the send has several rows, else `null`. */
  heading: string | null
  /** How many rows the send has, known without formatting any of them. */
  size: number
  /**
   * Row `index` (0 ≤ index < size), newest first, formatted on the first call and the same object
   * on every later call (so a memoised row view skips it). A view that renders a long history in
   * steps formats only the rows it has rendered so far.
   */
  row(index: number): RowModel
  /** Every row of the send, formatted. Reading it formats the whole send. */
  readonly rows: readonly RowModel[]
}

export interface HistoryModel {
  summary: SummaryModel
  groups: GroupModel[]
  /** Equals `data.referrals.length`: no row is ever dropped. */
  rowCount: number
}

/**
 * Turns a parsed CustomerReferrals2 answer into everything the history view shows, as text.
 * `Intl` formatters are created once per call because this runs over thousands of rows.
 *
 * What needs every row but no wording (sorting, grouping, the rows' totals) the query prepared
 * with the data, in slices after the download (`PreparedHistory`; computed here, at once, for data
 * from elsewhere). Each row's own texts (dates, money, labels) and each send's
 * heading are formatted lazily, when a view first asks for them. Formatting all 10,000 rows of a
 * heavy referrer up front was a single main-thread task of several hundred ms, most of it for rows
 * the view had not rendered yet. The result is the same either way: formatting depends only on
 * the row and the options.
 */
export function buildHistory(data: CustomerReferrals, options: BuildHistoryOptions): HistoryModel {
  const locale = resolveLocale(options.locale)
  const t = createTranslator(options.messages, locale)
  const formatMoney = createMoneyFormatter(options.currency, locale)
  const formatDate = createDateFormatter(locale, { timeZone: options.timeZone })
  const deanonymize = options.deanonymize === true

  const buildRow = (key: string, referral: Referral): RowModel => {
    const status = describeStatus(referral.status)
    const channel = channelMessages(referral.channel)
    const destination = describeDestination(referral, { deanonymize })
    const accepted = parseApiTime(referral.accepted_at) !== null
    const date = formatDate(accepted ? referral.accepted_at : referral.sent_at)
    return {
      key,
      referral_bhid: referral.referral_bhid,
      status: referral.status,
      tone: status.tone,
      statusLabel: t(status.labelKey),
      statusNext: t(status.nextKey),
      friend: {
        text: destination.kind === 'destination' ? destination.text : t(destination.sharedKey),
        isDestination: destination.kind === 'destination',
        channelLabel: t(channel.labelKey),
      },
      date: date && { label: t(accepted ? 'date.accepted' : 'date.sent'), ...date },
      reward: buildReward(referral, key, t, formatMoney),
      inviteLink: status.resendable ? safeLink(referral.link) : null,
    }
  }

  // Sorted, grouped and counted ahead, in slices, by the query (`validateAndPrepareSteps`).
  const { sends, figures } = preparedRowsOf(data)
  const heading = (send: SendGroup): string | null => {
    const first = send.rows[0]?.referral
    return send.rows.length > 1 && first
      ? t('history.group', { channel: t(channelMessages(first.channel).labelKey), count: send.rows.length })
      : null
  }
  const groups = sends.map((send): GroupModel => new SendModel(send, buildRow, heading))

  return {
    summary: buildSummary(computeTotals(data, figures), t, formatMoney),
    groups,
    rowCount: data.referrals.length,
  }
}

/**
 * One send of the list. A class rather than an object of closures: a heavy referrer has thousands
 * of sends, and creating a closure, a cache and a heading for each of them was tens of ms of the
 * first render's task, for sends far below the first screen. The heading is worded when first
 * read, each row formatted when first asked for (and the same object afterwards).
 */
class SendModel implements GroupModel {
  readonly referral_bhid: string
  readonly size: number
  private formatted: (RowModel | undefined)[] | undefined
  private worded: string | null | undefined

  constructor(
    private readonly send: SendGroup,
    private readonly buildRow: (key: string, referral: Referral) => RowModel,
    private readonly wordHeading: (send: SendGroup) => string | null,
  ) {
    this.referral_bhid = send.referral_bhid
    this.size = send.rows.length
  }

  get heading(): string | null {
    if (this.worded === undefined) this.worded = this.wordHeading(this.send)
    return this.worded
  }

  row(index: number): RowModel {
    const entry = this.send.rows[index]
    if (entry === undefined) throw new RangeError()
    const formatted = (this.formatted ??= [])
    return (formatted[index] ??= this.buildRow(entry.key, entry.referral))
  }

  get rows(): readonly RowModel[] {
    return this.send.rows.map((_entry, index) => this.row(index))
  }
}

function buildReward(
  referral: Referral,
  rowKey: string,
  t: Translator,
  formatMoney: (micros: Micros) => string,
): RewardModel {
  const pointsValue = referral.reward_pts === null ? null : parseMonetary(referral.reward_pts_value)
  const money = parseMonetary(referral.reward_amount)
  return {
    points: referral.reward_pts === null ? null : t('reward.points', { count: referral.reward_pts }),
    pointsValue: pointsValue === null ? null : t('reward.pointsWorth', { amount: formatMoney(pointsValue) }),
    money: money === null ? null : formatMoney(money),
    coupons: buildCoupons(referral, rowKey),
  }
}

/** `coupon_code` and the ReferralCoupon1 object may both be present, usually for the same code:
 * it is shown once, with the object's richer details. */
function buildCoupons(referral: Referral, rowKey: string): CouponModel[] {
  const coupons: CouponModel[] = []
  const { coupon, coupon_code: code } = referral
  if (coupon && coupon.text !== '') {
    coupons.push({
      key: `${rowKey}:coupon`,
      code: coupon.text,
      title: coupon.title ?? coupon.source_label,
      url: safeLink(coupon.url),
      used: coupon.used === true,
    })
  }
  if (code && code !== coupon?.text) {
    coupons.push({ key: `${rowKey}:code`, code, title: null, url: null, used: false })
  }
  return coupons
}

function buildSummary(
  totals: ReferralTotalsSummary,
  t: Translator,
  formatMoney: (micros: Micros) => string,
): SummaryModel {
  const number = new Intl.NumberFormat(t.locale)
  const count = (id: SummaryFigureId, label: string, value: number): SummaryFigure => ({
    id,
    label,
    value: number.format(value),
    detail: null,
  })
  const figures: SummaryFigure[] = [
    count('friends-referred', t('summary.friendsReferred', { count: totals.friendsReferred }), totals.friendsReferred),
    count('rewarded', t('summary.rewarded'), totals.rewarded),
    count('waiting', t('summary.waiting'), totals.waiting),
  ]
  // Only when it happened: a standing "0 not rewarded" reads as a warning about nothing.
  if (totals.notRewarded > 0) figures.push(count('not-rewarded', t('summary.notRewarded'), totals.notRewarded))
  if (totals.pointsEarned !== null) {
    figures.push({
      ...count('points-earned', t('summary.pointsEarned', { count: totals.pointsEarned }), totals.pointsEarned),
      detail:
        totals.pointsValue === null ? null : t('summary.pointsWorth', { amount: formatMoney(totals.pointsValue) }),
    })
  }
  if (totals.moneyEarned !== null) {
    const value = formatMoney(totals.moneyEarned)
    figures.push({ id: 'money-earned', label: t('summary.moneyEarned'), value, detail: null })
  }
  return { figures, totals }
}
