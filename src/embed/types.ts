import type { PrefetchedRequests } from '../api/customerReferralsRequest'
import type { EmbedProps } from './embedOptions'

export type { EmbedProps } from './embedOptions'

/** Tag name of the script-tag embed. */
export const ELEMENT_NAME = 'bubblehouse-referral-history'

/** A widget rendered into an element's shadow root. */
export interface MountedWidget {
  /** Re-renders with new props (in place; a different customer starts from a clean view). */
  update(props: EmbedProps): void
  /** Unmounts the widget, empties its shadow root and aborts its request if it is the last user. */
  unmount(): void
}

/** The main chunk's exports, as the loader sees them after `import()` (src/embed/elementLifecycle.ts). */
export interface EmbedMain {
  /** Mounts on `element`; `prefetched`: API requests the loader started beside the chunk download,
   * `key` this widget's (aborted if the widget goes before taking it); `props` from the JS API,
   * else the element's attributes (then watched for changes). */
  connect(element: HTMLElement, prefetched: PrefetchedRequests, key: string | undefined, props?: unknown): void
  /** New props from the JS API, or (without props) the element's changed attributes. */
  update(element: HTMLElement, props?: unknown): void
  disconnect(element: HTMLElement): void
  /** Forgets every token, early request and cached history on the page; widgets on screen start over. */
  reset(prefetched: PrefetchedRequests): void
}

/** `window.BubblehouseReferralHistory`. */
export interface ReferralHistoryGlobal {
  /** Version of the loader that defined the global (the first one on the page). */
  readonly version: string
  /** Renders the widget into a shadow root on `element`. Loads the main chunk right away. */
  mount(element: HTMLElement, props: EmbedProps): MountedWidget
  /**
   * Forgets every customer token and cached referral history on the page, and makes every widget
   * on screen start over (asking its `token-url` again). Call it when the shopper signs out of a
   * single-page shop.
   */
  reset(): void
}
