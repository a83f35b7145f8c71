import type { Translator } from '../../i18n/translator'

/** How long "Copied" stays; a failure note stays, as it is an instruction the shopper may still be
 * following. */
const CONFIRMATION_MS = 4000

/** The invitation link each "Copy link" button copies. The link is not on screen (a long URL would
 * crowd the row), so the button carries it here, only as long as the button exists. */
const inviteLinks = new WeakMap<Element, string>()
/** The pending "Copied" clear-up of each feedback region. */
const clearTimers = new WeakMap<Element, ReturnType<typeof setTimeout>>()

export function rememberInviteLink(button: Element, link: string): void {
  inviteLinks.set(button, link)
}

/**
 * The Copy buttons of every row, handled by one click listener on the table (the rows are plain
 * DOM, see `rowBuilder`). A coupon's button copies its code; an invitation's copies its link. The
 * Clipboard API is missing on insecure pages and may be refused by permissions or an iframe
 * policy: then the code, or the link shown for the purpose, is selected so the shopper can copy it
 * with the keyboard, and the row's live region says so.
 */
export function copyOnClick(t: Translator): (event: { target: EventTarget | null }) => void {
  return (event) => {
    const target = event.target as Element | null
    const button = typeof target?.closest === 'function' ? target.closest('button.bh-rh-copy') : null
    const box = button?.closest('.bh-rh-coupon, .bh-rh-invite')
    if (!button || !box) return
    void copy(button, box, t)
  }
}

async function copy(button: Element, box: Element, t: Translator): Promise<void> {
  const coupon = box.matches('.bh-rh-coupon')
  const code = coupon ? box.querySelector('.bh-rh-coupon-code') : null
  const text = coupon ? code?.textContent : inviteLinks.get(button)
  const feedback = box.querySelector('.bh-rh-copy-feedback')
  if (text == null || !feedback) return
  clearTimeout(clearTimers.get(feedback))
  try {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
    if (typeof clipboard?.writeText !== 'function') throw new Error('clipboard unavailable')
    await clipboard.writeText(text)
    box.querySelector('.bh-rh-invite-link')?.remove()
    feedback.textContent = t(coupon ? 'coupon.copied' : 'invite.copied')
    clearTimers.set(feedback, setTimeout(() => (feedback.textContent = ''), CONFIRMATION_MS))
  } catch {
    selectContents(code ?? shownInviteLink(button, text))
    feedback.textContent = t(coupon ? 'coupon.copyFailed' : 'invite.copyFailed')
  }
}

/** The invitation link, shown after its button (once) so that it can be selected. */
function shownInviteLink(button: Element, link: string): Element {
  const shown = button.parentElement?.querySelector('.bh-rh-invite-link')
  if (shown) return shown
  const span = button.ownerDocument.createElement('span')
  span.className = 'bh-rh-invite-link'
  // A URL reads left to right in any language.
  span.dir = 'ltr'
  span.textContent = link
  button.after(span)
  return span
}

function selectContents(element: Element): void {
  const selection = element.ownerDocument.defaultView?.getSelection()
  if (!selection) return
  const range = element.ownerDocument.createRange()
  range.selectNodeContents(element)
  selection.removeAllRanges()
  selection.addRange(range)
}
