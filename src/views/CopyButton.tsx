import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'

export type CopyResult = 'idle' | 'copied' | 'failed'

const CONFIRMATION_MS = 4000

export interface CopyText {
  result: CopyResult
  copy: () => void
}

/**
 * Copies `text` to the clipboard. The Clipboard API is missing on insecure pages and may be refused
 * by permissions or an iframe policy; then the contents of `fallback` are selected (once it is
 * rendered: a view may show the text only after a failure) so the shopper can copy them with the
 * keyboard, and the result is `failed` so the view can say so. "Copied" clears after a few seconds;
 * the failure note stays, as it is an instruction the shopper may still be following.
 */
export function useCopyText(text: string, fallback: RefObject<HTMLElement | null>): CopyText {
  // The attempt number re-runs the selection when a second try fails too.
  const [state, setState] = useState<{ result: CopyResult; attempt: number }>({ result: 'idle', attempt: 0 })
  const resetTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => () => clearTimeout(resetTimer.current), [])
  useEffect(() => {
    if (state.result === 'failed') selectContents(fallback.current)
  }, [state, fallback])

  const copy = async () => {
    clearTimeout(resetTimer.current)
    let next: CopyResult
    try {
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
      if (typeof clipboard?.writeText !== 'function') throw new Error('clipboard unavailable')
      await clipboard.writeText(text)
      next = 'copied'
    } catch {
      // At once when the text is on screen (the effect below covers text shown only on failure).
      selectContents(fallback.current)
      next = 'failed'
    }
    setState((previous) => ({ result: next, attempt: previous.attempt + 1 }))
    if (next === 'copied') resetTimer.current = setTimeout(() => setState((previous) => ({ ...previous, result: 'idle' })), CONFIRMATION_MS)
  }

  return { result: state.result, copy: () => void copy() }
}

export interface CopyButtonProps {
  /** Visible text, e.g. "Copy". */
  label: string
  /** Names what is copied, e.g. "Copy coupon code SAVE10". */
  accessibleName: string
  onCopy: () => void
}

/** The small Copy button of coupon codes and invitation links. */
export function CopyButton({ label, accessibleName, onCopy }: CopyButtonProps): ReactNode {
  return (
    <button type="button" className="bh-rh-button bh-rh-button-small bh-rh-copy" part="button" aria-label={accessibleName} onClick={onCopy}>
      {label}
    </button>
  )
}

export interface CopyFeedbackProps {
  result: CopyResult
  copied: string
  failed: string
}

/** A polite live region, present (and empty) before any result so screen readers hear the change. */
export function CopyFeedback({ result, copied, failed }: CopyFeedbackProps): ReactNode {
  let feedback = ''
  if (result === 'copied') feedback = copied
  else if (result === 'failed') feedback = failed
  return (
    <span className="bh-rh-copy-feedback" role="status">
      {feedback}
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
