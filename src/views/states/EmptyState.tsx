import type { ReactNode } from 'react'
import type { Translator } from '../../i18n/translator'
import { safeHref } from '../../model/safeLink'

export interface EmptyStateProps {
  t: Translator
  /** Where "Refer a friend" points: an http(s) URL or a path such as `/pages/refer`. Anything else
   * (e.g. `javascript:`) is ignored and no call to action shows. Default: none. */
  referUrl?: string | null
}

/** The history loaded and has no referrals yet. */
export function EmptyState({ t, referUrl }: EmptyStateProps): ReactNode {
  const href = safeHref(referUrl)
  return (
    <div className="bh-rh-state bh-rh-empty" data-state="empty" part="state">
      <p className="bh-rh-state-title">{t('empty.title')}</p>
      <p className="bh-rh-state-body">{t('empty.body')}</p>
      {href !== null ? (
        <a className="bh-rh-button bh-rh-button-primary" href={href} part="button button-primary">
          {t('empty.cta')}
        </a>
      ) : null}
    </div>
  )
}
