import { memo, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import type { RowModel } from '../model/buildHistory'
import { CouponCode } from './CouponCode'

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
  return (
    <tr role="row" className="bh-rh-row" data-status={row.status} data-tone={row.tone} part="row">
      <th scope="row" role="rowheader" className="bh-rh-cell bh-rh-friend">
        {row.friend.isDestination ? (
          <>
            <span className="bh-rh-friend-name" dir="auto">
              {row.friend.text}
            </span>{' '}
            <span className="bh-rh-secondary">{row.friend.channelLabel}</span>
          </>
        ) : (
          <span className="bh-rh-friend-name">{row.friend.text}</span>
        )}
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
        {row.date !== null ? (
          <>
            <span className="bh-rh-secondary">{row.date.label}</span>{' '}
            <time dateTime={row.date.iso}>{row.date.text}</time>
          </>
        ) : (
          <span className="bh-rh-secondary">{t('date.unknown')}</span>
        )}
      </td>
      <td role="cell" className="bh-rh-cell bh-rh-reward">
        <Reward t={t} row={row} />
      </td>
    </tr>
  )
})

function Reward({ t, row }: ReferralRowProps): ReactNode {
  const { points, pointsValue, money, coupons } = row.reward
  if (points === null && money === null && coupons.length === 0) {
    // A dash reads as nothing to a screen reader; say which kind of nothing it is.
    const stillPossible = row.tone === 'pending' || row.tone === 'neutral'
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="bh-rh-visually-hidden">{t(stillPossible ? 'reward.noneYet' : 'reward.none')}</span>
      </>
    )
  }
  return (
    <>
      {points !== null ? (
        <span className="bh-rh-reward-line">
          {points}
          {pointsValue !== null ? <span className="bh-rh-secondary"> {pointsValue}</span> : null}{' '}
        </span>
      ) : null}
      {money !== null ? <span className="bh-rh-reward-line">{money}</span> : null}
      {coupons.map((coupon) => (
        <CouponCode
          key={coupon.key}
          t={t}
          code={coupon.code}
          title={coupon.title}
          url={coupon.url}
          used={coupon.used}
        />
      ))}
    </>
  )
}
