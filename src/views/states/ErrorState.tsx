import type { ReactNode } from 'react'
import { errorReference } from '../../api/BubblehouseApiError'
import type { Translator } from '../../i18n/translator'

export interface ErrorStateProps {
  t: Translator
  onRetry: () => void
  /** The API error id (or a client code such as `network_error`), shown small so a shopper can
   * quote it to support: a known code as is, any other id as `api_error` (an undocumented id is
   * whatever text a server or proxy put there). Never a message text. */
  code?: string | null
  /** The load Retry started runs: the button says so, and stays focusable. */
  retrying?: boolean
}

/** Loading failed for a reason retrying might fix (network, server) or one it will not. */
export function ErrorState({ t, onRetry, code, retrying = false }: ErrorStateProps): ReactNode {
  return (
    <div className="bh-rh-state bh-rh-error" data-state="error" part="state">
      <p className="bh-rh-state-title">{t('error.title')}</p>
      <p className="bh-rh-state-body">{t('error.body')}</p>
      {/* aria-disabled, not disabled: a disabled button would drop the focus the shopper left on
          it. A press meanwhile joins the running load (the root never starts a second one). */}
      <button type="button" className="bh-rh-button" onClick={onRetry} aria-disabled={retrying || undefined} part="button">
        {t(retrying ? 'error.retrying' : 'error.retry')}
      </button>
      {code ? <p className="bh-rh-reference">{t('error.reference', { code: errorReference(code) })}</p> : null}
    </div>
  )
}
