import { useRef, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import { CopyButton, CopyFeedback, useCopyText } from './CopyButton'

export interface InviteLinkProps {
  t: Translator
  /** The friend's current shareable link, already checked to be an absolute http(s) URL. */
  link: string
  /** The row's friend as shown (masked address or channel phrase), to tell the buttons apart. */
  friend: string
}

/**
 * "Copy link" on an invitation that is still open, so the shopper can send it again. The link
 * itself appears only if the clipboard refuses, selected for the keyboard: otherwise a long URL
 * would crowd the row.
 */
export function InviteLink({ t, link, friend }: InviteLinkProps): ReactNode {
  const linkRef = useRef<HTMLElement>(null)
  const { result, copy } = useCopyText(link, linkRef)
  return (
    <span className="bh-rh-invite" part="invite">
      <CopyButton label={t('invite.copy')} accessibleName={t('invite.copyLabel', { friend })} onCopy={copy} />
      {result === 'failed' ? (
        // A URL reads left to right in any language.
        <span ref={linkRef} className="bh-rh-invite-link" dir="ltr">
          {link}
        </span>
      ) : null}
      <CopyFeedback result={result} copied={t('invite.copied')} failed={t('invite.copyFailed')} />
    </span>
  )
}
