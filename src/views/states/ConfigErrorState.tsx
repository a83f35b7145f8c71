import type { ReactNode } from 'react'
import type { Translator } from '../../i18n/translator'

export interface ConfigErrorStateProps {
  t: Translator
  /** What is wrong and how to fix it, for the integrator, e.g. `"shop" is required…`. */
  problem: string
}

/**
 * The widget is set up wrongly (e.g. no shop). Shown on screen as well as in the console because
 * whoever installs a script tag may never open the console.
 */
export function ConfigErrorState({ t, problem }: ConfigErrorStateProps): ReactNode {
  return (
    <div className="bh-rh-state bh-rh-config-error" data-state="config-error" part="state">
      <p className="bh-rh-state-title">{t('configError.title')}</p>
      <p className="bh-rh-state-body">{t('configError.body')}</p>
      <p className="bh-rh-problem">
        <code dir="auto">{problem}</code>
      </p>
    </div>
  )
}
