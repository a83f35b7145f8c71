import type { ReactNode } from 'react'
import type { Translator } from '../../i18n/translator'
import { safeHref } from '../../model/safeLink'

export interface InvalidTokenStateProps {
  t: Translator
  /** The shop's sign-in page: an http(s) URL or a path such as `/account/login`. Anything else
   * (e.g. `javascript:`) is ignored and the state shows its words only. Default: none. */
  signInUrl?: string | null
}

/** The customer token was refused even after asking for a fresh one: the shopper must sign in. */
export function InvalidTokenState({ t, signInUrl }: InvalidTokenStateProps): ReactNode {
  const href = safeHref(signInUrl)
  return (
    <div className="bh-rh-state bh-rh-invalid-token" data-state="invalid-token" part="state">
      <p className="bh-rh-state-title">{t('invalidToken.title')}</p>
      <p className="bh-rh-state-body">{t('invalidToken.body')}</p>
      {href !== null ? (
        <a className="bh-rh-button bh-rh-button-primary" href={href} part="button button-primary">
          {t('invalidToken.signIn')}
        </a>
      ) : null}
    </div>
  )
}
