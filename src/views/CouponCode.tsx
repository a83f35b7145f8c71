import { useRef, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import { safeLink } from '../model/safeLink'
import { CopyButton, CopyFeedback, useCopyText } from './CopyButton'

export interface CouponCodeProps {
  t: Translator
  code: string
  /** e.g. "Referral reward". */
  title?: string | null
  /** Where the coupon can be used. Shown as a link only if it is an absolute http(s) URL. */
  url?: string | null
  /** The coupon was already redeemed. Default `false`. */
  used?: boolean
}

/**
 * A coupon code as selectable text with a Copy button. When the clipboard is unavailable the code
 * is selected instead, so the shopper can copy it with the keyboard, and the widget says so.
 */
export function CouponCode({ t, code, title, url, used = false }: CouponCodeProps): ReactNode {
  const codeRef = useRef<HTMLElement>(null)
  const { result, copy } = useCopyText(code, codeRef)
  const href = safeLink(url)

  return (
    <span className="bh-rh-coupon" data-used={used} part="coupon">
      {/* The title is API text in the shop's language, which may differ in direction from the widget's. */}
      {title ? (
        <span className="bh-rh-secondary bh-rh-coupon-title" dir="auto">
          {title}
        </span>
      ) : null}
      <span className="bh-rh-coupon-body">
        <code ref={codeRef} className="bh-rh-coupon-code" dir="auto" part="coupon-code">
          {code}
        </code>
        {used ? <span className="bh-rh-badge">{t('coupon.used')}</span> : null}
        <CopyButton label={t('coupon.copy')} accessibleName={t('coupon.copyLabel', { code })} onCopy={copy} />
        {href !== null ? (
          <a className="bh-rh-link" href={href} part="link">
            {t('coupon.open')}
          </a>
        ) : null}
      </span>
      <CopyFeedback result={result} copied={t('coupon.copied')} failed={t('coupon.copyFailed')} />
    </span>
  )
}
