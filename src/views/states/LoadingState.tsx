import { useEffect, useState, type ReactNode } from 'react'
import type { Translator } from '../../i18n/translator'

export interface LoadingStateProps {
  t: Translator
  /** Milliseconds before anything shows, so an answer that arrives quickly never flashes a
   * skeleton. Default 250. */
  delayMs?: number
}

const PLACEHOLDER_FIGURES = 3
const PLACEHOLDER_ROWS = 4

/**
 * The first load. Shows nothing until `delayMs` has passed, then a skeleton shaped like a short
 * history (summary figures and a few rows) so the real list replaces it without a large jump.
 * The skeleton is decorative; assistive technology gets `aria-busy` and one sentence.
 */
export function LoadingState({ t, delayMs = 250 }: LoadingStateProps): ReactNode {
  const [visible, setVisible] = useState(delayMs <= 0)

  useEffect(() => {
    if (visible) return
    const timer = setTimeout(() => setVisible(true), delayMs)
    return () => clearTimeout(timer)
  }, [delayMs, visible])

  return (
    <div className="bh-rh-loading" data-state="loading" data-visible={visible} aria-busy="true">
      {visible ? (
        <>
          <p className="bh-rh-visually-hidden">{t('loading.label')}</p>
          <div className="bh-rh-skeleton" aria-hidden="true">
            <div className="bh-rh-skeleton-figures">
              {Array.from({ length: PLACEHOLDER_FIGURES }, (_, index) => (
                <div key={index} className="bh-rh-skeleton-block bh-rh-skeleton-figure" />
              ))}
            </div>
            {Array.from({ length: PLACEHOLDER_ROWS }, (_, index) => (
              <div key={index} className="bh-rh-skeleton-row">
                <div className="bh-rh-skeleton-block bh-rh-skeleton-text" />
                <div className="bh-rh-skeleton-block bh-rh-skeleton-text bh-rh-skeleton-text-short" />
              </div>
            ))}
          </div>
        </>
      ) : null}
    </div>
  )
}
