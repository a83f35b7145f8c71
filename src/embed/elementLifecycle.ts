import { setPrefetchedRequests, type PrefetchedRequests } from '../api/customerReferralsRequest'
import { readAttributeProps } from './attributes'
import { mountWidget } from './mountWidget'
import type { EmbedProps, MountedWidget } from './types'

interface Mounted {
  widget: MountedWidget
  /** Aborts the loader's early API request if the widget's query never took it. */
  release: () => void
  updateQueued?: boolean
}

const mounted = new WeakMap<HTMLElement, Mounted>()

/**
 * Mounts the widget on an element near the viewport (the loader calls this once the main chunk is
 * loaded). `props` come from `BubblehouseReferralHistory.mount(element, props)`; without them the
 * element's attributes are read. An element removed before the chunk arrived is not mounted.
 */
export function connect(element: HTMLElement, prefetched: PrefetchedRequests, release: () => void, props?: unknown): void {
  setPrefetchedRequests(prefetched)
  const existing = mounted.get(element)
  if (existing) {
    // mount() called again on the same element: the latest props win, one widget stays.
    existing.widget.update((props ?? readAttributeProps(element)) as EmbedProps)
    return
  }
  if (props === undefined && !element.isConnected) {
    release()
    return
  }
  mounted.set(element, { widget: mountWidget(element, props ?? readAttributeProps(element)), release })
}

/**
 * New props from `mount()`'s handle (rendered at once), or changed attributes (read a microtask
 * later, so setting several attributes in a row renders once).
 */
export function update(element: HTMLElement, props?: unknown): void {
  const entry = mounted.get(element)
  if (!entry) return
  // Checked by the widget (readEmbedProps): plain-JS callers pass anything.
  if (props !== undefined) return entry.widget.update(props as EmbedProps)
  if (entry.updateQueued) return
  entry.updateQueued = true
  queueMicrotask(() => {
    entry.updateQueued = false
    entry.widget.update(readAttributeProps(element))
  })
}

/** The element left the page (or `unmount()` was called): unmount and empty the shadow root. */
export function disconnect(element: HTMLElement): void {
  const entry = mounted.get(element)
  mounted.delete(element)
  entry?.release()
  entry?.widget.unmount()
}
