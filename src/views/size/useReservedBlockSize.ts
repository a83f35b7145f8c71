import { useRef } from 'react'
import { useClientLayoutEffect } from '../useClientLayoutEffect'
import { readRememberedBlockSize, rememberBlockSize, RESERVED_BLOCK_SIZE } from './rememberedBlockSize'

/**
 * Sizes the widget's box to what it shows (issue 17). Settled states (history, empty, errors,
 * sign-in, notices) take their content's height, capped (`--bh-rh-max-block-size`, a long
 * history scrolls inside). While loading, the content is a skeleton that says nothing about the
 * coming height, so the box is the reserved height instead, set here on the element that carries
 * the box (the shadow host in both builds, else the root):
 * - the first load: this shop's remembered height (the last settled one in this browser), else
 *   the CSS default (18em: between an empty history and a full box, so a first visit moves the
 *   page below by at most half the box);
 * - a reload (Retry): the height of the state it replaces, so pressing Retry moves nothing.
 * Each settled height is remembered for the next visit. The loader applies the remembered height
 * before the main chunk is there, and the README's page rule reads the same custom property
 * before any script runs, so a returning shopper's page never moves (BENCHMARKS.md figure 9).
 */
export function useReservedBlockSize(
  /** The widget root, once in the document (a callback ref's state: the npm build's shadow root
   * is attached after the first render). */
  element: HTMLElement | null,
  shop: string,
  loading: boolean,
): void {
  const settledHeight = useRef<string | undefined>(undefined)

  useClientLayoutEffect(() => {
    if (!element) return
    const rootNode = element.getRootNode()
    const box = rootNode instanceof ShadowRoot && rootNode.host instanceof HTMLElement ? rootNode.host : element
    if (loading) {
      const reserved = settledHeight.current ?? readRememberedBlockSize(shop)
      if (reserved) box.style.setProperty(RESERVED_BLOCK_SIZE, reserved)
      else box.style.removeProperty(RESERVED_BLOCK_SIZE)
      return
    }
    box.style.setProperty(RESERVED_BLOCK_SIZE, '0px')
    if (typeof ResizeObserver === 'undefined') return
    // After layout, before paint: no forced layout. Fires once at once, then on each change.
    const observer = new ResizeObserver(([entry]) => {
      const pixels = entry?.borderBoxSize?.[0]?.blockSize ?? box.getBoundingClientRect().height
      if (!(pixels > 0)) return // hidden (`display: none`) or detached
      settledHeight.current = `${Math.round(pixels)}px`
      rememberBlockSize(shop, pixels)
    })
    observer.observe(box)
    return () => observer.disconnect()
  }, [loading, shop, element])
}
