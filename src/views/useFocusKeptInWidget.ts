import { useEffect, useRef } from 'react'
import { useClientLayoutEffect } from './useClientLayoutEffect'

/**
 * Keeps the keyboard focus in the widget when the control that had it goes away with the state it
 * belonged to: Retry in the Error state, whose load then shows Loading. The browser would drop the
 * focus to the page's start (a keyboard or screen-reader user would have to find the widget
 * again); it goes to the widget's named body region instead, the first tab stop, where the rows or
 * the notice appear next (WCAG 2.4.3). Focus that left the widget is never pulled back.
 */
export function useFocusKeptInWidget(root: HTMLElement | null, stateType: string): void {
  /** The element in the widget that last had the focus; null once the focus left it. */
  const focused = useRef<Element | null>(null)

  useEffect(() => {
    if (!root) return
    const track = (event: FocusEvent) => {
      const target = event.target as Element
      if (event.type === 'focusin') focused.current = target
      // Chromium also fires focusout while it removes the focused element, still connected then.
      // A microtask later (after the render's layout effects) a removed element is gone, and one
      // the shopper left (to the page, or to nowhere) is still there.
      else queueMicrotask(() => target.isConnected && focused.current === target && (focused.current = null))
    }
    root.addEventListener('focusin', track)
    root.addEventListener('focusout', track)
    return () => {
      root.removeEventListener('focusin', track)
      root.removeEventListener('focusout', track)
    }
  }, [root])

  useClientLayoutEffect(() => {
    if (!root) return
    const { activeElement, body } = root.ownerDocument
    // Lost, not moved: the element went with the state, and the page's focus fell to its start.
    if (focused.current?.isConnected === false && activeElement === body) {
      root.querySelector<HTMLElement>('.bh-rh-body')?.focus({ preventScroll: true })
    }
  }, [root, stateType])
}
