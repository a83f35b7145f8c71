import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import { safeLink } from '../model/safeLink'

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

type CopyResult = 'idle' | 'copied' | 'failed'

const CONFIRMATION_MS = 4000

/**
 * A coupon code as selectable text with a Copy button. The Clipboard API is missing on insecure
 * pages and may be refused by permissions or an iframe policy; the fallback selects the code so
 * the shopper can copy it with the keyboard, and says so.
 */
export function CouponCode({ t, code, title, url, used = false }: CouponCodeProps): ReactNode {
  const codeRef = useRef<HTMLElement>(null)
  const [result, setResult] = useState<CopyResult>('idle')
  const resetTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const href = safeLink(url)

  useEffect(() => () => clearTimeout(resetTimer.current), [])

  const copy = async () => {
    clearTimeout(resetTimer.current)
    let next: CopyResult
    try {
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
      if (typeof clipboard?.writeText !== 'function') throw new Error('clipboard unavailable')
      await clipboard.writeText(code)
      next = 'copied'
    } catch {
      selectContents(codeRef.current)
      next = 'failed'
    }
    setResult(next)
    // The failure note stays: it is an instruction the shopper may still be following.
    if (next === 'copied') resetTimer.current = setTimeout(() => setResult('idle'), CONFIRMATION_MS)
  }

  let feedback = ''
  if (result === 'copied') feedback = t('coupon.copied')
  else if (result === 'failed') feedback = t('coupon.copyFailed')

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
        <button
          type="button"
          className="bh-rh-button bh-rh-button-small"
          part="button"
          aria-label={t('coupon.copyLabel', { code })}
          onClick={() => void copy()}
        >
          {t('coupon.copy')}
        </button>
        {href !== null ? (
          <a className="bh-rh-link" href={href} part="link">
            {t('coupon.open')}
          </a>
        ) : null}
      </span>
      {/* Present before any result so screen readers hear the change. */}
      <span className="bh-rh-coupon-feedback" role="status">
        {feedback}
      </span>
    </span>
  )
}

function selectContents(element: HTMLElement | null): void {
  const selection = element?.ownerDocument.defaultView?.getSelection()
  if (!element || !selection) return
  const range = element.ownerDocument.createRange()
  range.selectNodeContents(element)
  selection.removeAllRanges()
  selection.addRange(range)
}
