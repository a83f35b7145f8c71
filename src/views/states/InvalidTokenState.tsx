import type { ReactNode } from 'react'
import type { Translator } from '../../i18n/translator'

export interface InvalidTokenStateProps {
  t: Translator
}

/** The customer token was refused even after asking for a fresh one: the shopper must sign in. */
export function InvalidTokenState({ t }: InvalidTokenStateProps): ReactNode {
  return (
    <div className="bh-rh-state bh-rh-invalid-token" data-state="invalid-token" part="state">
      <p className="bh-rh-state-title">{t('invalidToken.title')}</p>
      <p className="bh-rh-state-body">{t('invalidToken.body')}</p>
    </div>
  )
}
