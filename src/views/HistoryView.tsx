import { useMemo, type ReactNode } from 'react'
import type { CustomerReferrals } from '../api/types'
import type { Translator } from '../i18n/translator'
import { buildHistory } from '../model/buildHistory'
import { ReferralList } from './ReferralList'
import { Summary } from './Summary'

export interface HistoryViewProps {
  data: CustomerReferrals
  /** Wording comes from the translator's catalogue. */
  t: Translator
  /** BCP 47 tag for dates and numbers (normally the translator's locale). */
  locale: string
  /** ISO 4217 code of the shop currency. Default: none, amounts show as plain numbers. */
  currency?: string | null
  /** The integrator opted into unmasked destinations. Default `false`: full addresses are masked. */
  deanonymize?: boolean
  /** IANA time zone for dates. Default: the shopper's own. */
  timeZone?: string
}

/** The loaded history: summary figures, then every referral row, then (quietly) how many rows of
 * the answer could not be read, if any: the shopper sees that the list is not complete. */
export function HistoryView({ data, t, locale, currency, deanonymize, timeZone }: HistoryViewProps): ReactNode {
  const messages = t.messages
  const history = useMemo(
    () => buildHistory(data, { locale, currency, deanonymize, messages, timeZone }),
    [data, locale, currency, deanonymize, messages, timeZone],
  )
  const invalidRows = data.invalidRows?.length ?? 0
  return (
    <div className="bh-rh-history" data-state="ready">
      <Summary summary={history.summary} />
      <ReferralList t={t} groups={history.groups} />
      {invalidRows > 0 ? <p className="bh-rh-invalid-rows">{t('history.invalidRows', { count: invalidRows })}</p> : null}
    </div>
  )
}
