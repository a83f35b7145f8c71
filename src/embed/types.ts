import type { PrefetchedRequests } from '../api/customerReferralsRequest'
import type { GetToken } from '../query/customerReferralsQueryOptions'

/** Tag name of the script-tag embed. */
export const ELEMENT_NAME = 'bubblehouse-referral-history'

/**
 * What `BubblehouseReferralHistory.mount(element, props)` accepts. Plain-JS callers pass anything,
 * so the main chunk checks every field at runtime (`readEmbedProps`); wrong types are reported in
 * the console and ignored, never thrown.
 */
export interface EmbedProps {
  /** Required. The Bubblehouse shop slug. */
  shop?: string
  /** Customer token minted by the merchant's server. */
  token?: string
  /** Same-origin merchant endpoint answering `{"token":"<jwt>"}` (attribute `token-url`). */
  tokenUrl?: string
  /** A function that returns a customer token (JS API only). */
  getToken?: GetToken
  currency?: string
  locale?: string
  apiBaseUrl?: string
  apiVersion?: string
  referUrl?: string
}

/** A widget rendered into an element's shadow root. */
export interface MountedWidget {
  /** Re-renders with new props (in place; a different customer starts from a clean view). */
  update(props: EmbedProps): void
  /** Unmounts the widget, empties its shadow root and aborts its request if it is the last user. */
  unmount(): void
}

/** The main chunk's exports, as the loader sees them after `import()`. */
export interface EmbedMain {
  /** `prefetched`: API requests the loader started in parallel with the chunk download. */
  mount(element: HTMLElement, props: unknown, prefetched?: PrefetchedRequests): MountedWidget
}

/** `window.BubblehouseReferralHistory`. */
export interface ReferralHistoryGlobal {
  /** Version of the loader that defined the global (the first one on the page). */
  readonly version: string
  /** Renders the widget into a shadow root on `element`. Loads the main chunk right away. */
  mount(element: HTMLElement, props: EmbedProps): MountedWidget
}
