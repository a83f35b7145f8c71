import { memo, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import type { RowModel } from '../model/buildHistory'
import { CouponCode } from './CouponCode'
import { InviteLink } from './InviteLink'

export interface ReferralRowProps {
  t: Translator
  row: RowModel
}

/**
 * One referral. Every string from the API is rendered as React text (never as HTML), and the
 * friend's address gets `dir="auto"` because it may be written in a script of either direction.
 * Memoised: in a list of thousands, a parent re-render (e.g. a countdown above) should not touch
 * every row.
 */
export const ReferralRow = memo(function ReferralRow({ t, row }: ReferralRowProps): ReactNode {
  // No fragments and no inner components: a row stays in memory while it is shown, and each
  // fragment or component is a few more objects per row. At 10,000 rows they added up to
  // megabytes that every garbage collection during the later steps had to copy. Conditional
  // siblings are written as `cond ? … : null` side by side instead.
  const { friend, date, inviteLink } = row
  const { points, pointsValue, money, coupons } = row.reward
  const noReward = points === null && money === null && coupons.length === 0
  return (
    <tr
      role="row"
      className="bh-rh-row"
      data-status={row.status}
      data-tone={row.tone}
      // Lets the narrow layout give the status the whole line when there is only a dash to show.
      data-reward={noReward && inviteLink === null ? 'none' : undefined}
      part="row"
    >
      <th scope="row" role="rowheader" className="bh-rh-cell bh-rh-friend">
        {/* Keyed apart: a row whose friend changes kind gets a new span, so no renderer leaves a
            stale or empty `dir` behind (Preact sets the property to '' instead of removing it). */}
        {friend.isDestination ? (
          <span key="destination" className="bh-rh-friend-name" dir="auto">
            {friend.text}
          </span>
        ) : (
          <span key="channel" className="bh-rh-friend-name">
            {friend.text}
          </span>
        )}
        {friend.isDestination ? ' ' : null}
        {friend.isDestination ? <span className="bh-rh-secondary">{friend.channelLabel}</span> : null}
      </th>
      <td role="cell" className="bh-rh-cell bh-rh-status" part="status">
        <span className="bh-rh-status-label">
          {/* Colour is a hint only; the words carry the meaning. */}
          <span className="bh-rh-status-dot" aria-hidden="true" />
          {row.statusLabel}
        </span>{' '}
        <span className="bh-rh-secondary">{row.statusNext}</span>
      </td>
      <td role="cell" className="bh-rh-cell bh-rh-date">
        <span className="bh-rh-secondary">{date !== null ? date.label : t('date.unknown')}</span>
        {date !== null ? ' ' : null}
        {date !== null ? <time dateTime={date.iso}>{date.text}</time> : null}
      </td>
      <td role="cell" className="bh-rh-cell bh-rh-reward">
        {/* A dash reads as nothing to a screen reader; say which kind of nothing it is. An open
            invitation shows its "Copy link" where the dash would be: the way to earn one. */}
        {noReward && inviteLink === null ? <span aria-hidden="true">—</span> : null}
        {noReward ? <span className="bh-rh-visually-hidden">{t(row.tone === 'pending' || row.tone === 'neutral' ? 'reward.noneYet' : 'reward.none')}</span> : null}
        {points !== null ? (
          <span className="bh-rh-reward-line">
            {points}
            {pointsValue !== null ? <span className="bh-rh-secondary"> {pointsValue}</span> : null}{' '}
          </span>
        ) : null}
        {money !== null ? <span className="bh-rh-reward-line">{money}</span> : null}
        {coupons.length > 0
          ? coupons.map((coupon) => (
              <CouponCode key={coupon.key} t={t} code={coupon.code} title={coupon.title} url={coupon.url} used={coupon.used} />
            ))
          : null}
        {inviteLink !== null ? <InviteLink t={t} link={inviteLink} friend={friend.text} /> : null}
      </td>
    </tr>
  )
})
