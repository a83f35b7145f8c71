import type { PrefetchedRequests } from '../api/customerReferralsRequest'
import { fetchWithEarlyRequests, forgetEarlyRequests, releaseEarlyRequest } from './earlyRequests'
import { resetReferralHistory } from '../views/resetReferralHistory'
import { ATTRIBUTE_NAMES, readAttributeProps } from './attributes'
import { mountWidget } from './mountWidget'
import type { EmbedProps, MountedWidget } from './types'

interface Mounted {
  widget: MountedWidget
  /** The loader's early API request for this widget, aborted if the widget's query never took it. */
  prefetchKey: string | undefined
  /** The loader's early requests (one map per page). */
  early: PrefetchedRequests
  /** Watches the attributes of an element mounted from them. */
  attributes?: MutationObserver
  updateQueued?: boolean
}

const mounted = new WeakMap<HTMLElement, Mounted>()

/**
 * Mounts the widget on an element near the viewport (the loader calls this once the main chunk is
 * loaded). `props` come from `BubblehouseReferralHistory.mount(element, props)`; without them the
 * element's attributes (also for `null`) are read, and watched here rather than with
 * `observedAttributes` in the loader: the list would be loader bytes on every page, and nothing can
 * change before this runs that the first read does not see. An element removed before the chunk
 * arrived is not mounted.
 */
export function connect(element: HTMLElement, prefetched: PrefetchedRequests, prefetchKey: string | undefined, props?: unknown): void {
  const existing = mounted.get(element)
  if (existing) {
    // mount() called again on the same element: the latest props win, one widget stays.
    existing.widget.update((props ?? readAttributeProps(element)) as EmbedProps)
    if (props == null) watchAttributes(element, existing)
    return
  }
  if (props == null && !element.isConnected) {
    releaseEarlyRequest(prefetched, prefetchKey)
    return
  }
  const entry: Mounted = {
    widget: mountWidget(element, props ?? readAttributeProps(element), fetchWithEarlyRequests(prefetched)),
    prefetchKey,
    early: prefetched,
  }
  if (props == null) watchAttributes(element, entry)
  mounted.set(element, entry)
}

/** A widget that shows the element's attributes follows their changes (once per element). */
function watchAttributes(element: HTMLElement, entry: Mounted): void {
  if (entry.attributes) return
  entry.attributes = new MutationObserver(() => update(element))
  entry.attributes.observe(element, { attributeFilter: [...ATTRIBUTE_NAMES] })
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
    // Attribute text (a `theme` not yet checked): readEmbedProps and the root check every value.
    entry.widget.update(readAttributeProps(element) as EmbedProps)
  })
}

/** The element left the page (or `unmount()` was called): unmount and empty the shadow root. */
export function disconnect(element: HTMLElement): void {
  const entry = mounted.get(element)
  if (!entry) return
  mounted.delete(element)
  entry.attributes?.disconnect()
  releaseEarlyRequest(entry.early, entry.prefetchKey)
  entry.widget.unmount()
}

/** `BubblehouseReferralHistory.reset()`: forgets every token, early request (the loader's map) and
 * cached history on the page; widgets on screen start over (see `resetReferralHistory`). */
export function reset(prefetched: PrefetchedRequests): void {
  forgetEarlyRequests(prefetched)
  resetReferralHistory()
}
