import { useEffect, useState, type ReactNode } from 'react'
import type { Translator } from '../../i18n/translator'

export interface RateLimitedStateProps {
  t: Translator
  /** Epoch milliseconds of the next automatic retry, or `null` when none is scheduled. */
  retryAt: number | null
  /** Try again now. */
  onRetry: () => void
  /** The last good history, when there is one: it stays on screen below the notice. */
  children?: ReactNode
}

/** The API said "too many requests". A notice with a countdown to the automatic retry, a Retry
 * button, and the last good history underneath. */
export function RateLimitedState({ t, retryAt, onRetry, children }: RateLimitedStateProps): ReactNode {
  const seconds = useSecondsUntil(retryAt)
  const hasLastGood = children !== undefined && children !== null && children !== false

  let countdown: string
  if (seconds === null) countdown = t('rateLimited.tryLater')
  else if (seconds > 0) countdown = t('rateLimited.countdown', { seconds })
  else countdown = t('rateLimited.retryingNow')

  return (
    <div className="bh-rh-rate-limited" data-state="rate-limited">
      <div className="bh-rh-state bh-rh-notice" part="state">
        <p className="bh-rh-state-title">{t('rateLimited.title')}</p>
        {/* Not a live region: a sentence that changes every second would be re-read every second. */}
        <p className="bh-rh-countdown">{countdown}</p>
        {hasLastGood ? <p className="bh-rh-state-body">{t('rateLimited.showingLastGood')}</p> : null}
        <button type="button" className="bh-rh-button" onClick={onRetry} part="button">
          {t('rateLimited.retry')}
        </button>
      </div>
      {children}
    </div>
  )
}

const SECOND = 1000

/** Whole seconds left until `deadline` (rounded up, never below 0), refreshed every second. */
function useSecondsUntil(deadline: number | null): number | null {
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (deadline === null) return
    setNow(Date.now())
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= deadline) clearInterval(timer)
    }, SECOND)
    return () => clearInterval(timer)
  }, [deadline])

  if (deadline === null) return null
  return Math.max(0, Math.ceil((deadline - now) / SECOND))
}
