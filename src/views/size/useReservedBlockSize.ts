import { useRef } from 'react'
import { SHADOW_CONTAINER_CLASS } from '../styles/adoptWidgetStyles'
import { useClientLayoutEffect } from '../useClientLayoutEffect'
import { readRememberedBlockSize, rememberBlockSize, RESERVED_BLOCK_SIZE } from './rememberedBlockSize'

/** What the widget shows, for its box: loading, a history or the empty notice (what this shopper
 * will most likely see next time), or another settled state (an error, a sign-in or rate-limit
 * notice, a configuration problem). */
export type BoxState = 'loading' | 'history' | 'notice'

/**
 * Sizes the widget's box to what it shows (issue 17). Settled states take their content's height,
 * capped (`--bh-rh-max-block-size`, a long history scrolls inside). While loading, the content is a
 * skeleton that says nothing about the coming height, so the box is the reserved height instead,
 * set here on the element that carries the box (our shadow host in both builds, else the root):
 * - the first load: this shop's remembered height (its last history or empty notice in this
 *   browser), else the CSS default (18em: between an empty notice and a full box, so a first visit
 *   moves the page below by at most half the box);
 * - a reload (Retry): the height of the state it replaces, so pressing Retry moves nothing;
 * - none with a fixed `--bh-rh-block-size`: that height holds in every state.
 * The loader applies the remembered height before the main chunk is there, and the README's page
 * rule reads the same custom property before any script runs, so a returning shopper's page does
 * not move (BENCHMARKS.md figure 9). An error or notice never replaces a remembered history's
 * height: a failed visit must not shrink the next one's box.
 */
export function useReservedBlockSize(
  /** The widget root, once in the document (a callback ref's state: the npm build's shadow root
   * is attached after the first render). */
  element: HTMLElement | null,
  shop: string,
  state: BoxState,
): void {
  const settledHeight = useRef<string | undefined>(undefined)

  useClientLayoutEffect(() => {
    if (!element) return
    // Our own shadow host carries the box; a root in the light DOM (`isolation: 'none'`), even
    // inside the integrator's own shadow root, carries its own.
    const ownHost = element.parentElement?.classList.contains(SHADOW_CONTAINER_CLASS) ? (element.getRootNode() as ShadowRoot).host : null
    const box = ownHost instanceof HTMLElement ? ownHost : element
    const style = getComputedStyle(box)
    const fixed = style.getPropertyValue('--bh-rh-block-size').trim()
    const fixedLength = fixed !== '' && fixed !== 'auto'
    // What `min-block-size` sizes: the border box where the page set `box-sizing: border-box`
    // (many themes set it on `*`), else the content box (a page may pad the host).
    const borderBox = style.boxSizing === 'border-box'
    if (state === 'loading' && !fixedLength) {
      const reserved = settledHeight.current ?? readRememberedBlockSize(shop)
      if (reserved) box.style.setProperty(RESERVED_BLOCK_SIZE, reserved)
      else box.style.removeProperty(RESERVED_BLOCK_SIZE)
      return
    }
    box.style.setProperty(RESERVED_BLOCK_SIZE, '0px')
    if (state === 'loading' || typeof ResizeObserver === 'undefined') return
    // After layout, before paint: no forced layout. Fires once at once, then on each change.
    const observer = new ResizeObserver(([entry]) => {
      const size = borderBox ? entry?.borderBoxSize?.[0] : entry?.contentBoxSize?.[0]
      const pixels = size?.blockSize ?? 0
      if (!(pixels > 0)) return // hidden (`display: none`) or detached
      settledHeight.current = `${Math.round(pixels)}px`
      if (fixedLength) return
      // A notice only where nothing is remembered yet: a failed visit must not shrink the box of
      // a shopper whose history this browser has shown, but a new customer's failed first visit
      // (whose next one is most likely the empty notice, about as tall) reserves its own height.
      if (state === 'history' || readRememberedBlockSize(shop) === undefined) rememberBlockSize(shop, pixels)
    })
    observer.observe(box)
    return () => observer.disconnect()
  }, [state, shop, element])
}
