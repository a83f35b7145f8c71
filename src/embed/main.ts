/**
 * The embed's main chunk (`referral-history.main@<version>.js`, ESM): Preact (through
 * preact/compat, standing in for React), the react-query subset and the widget, all bundled. The loader imports it when a widget is near the
 * viewport or `mount()` is called; nothing here runs before that.
 */
import { setPrefetchedRequests, type PrefetchedRequests } from '../api/customerReferralsRequest'
import { mountWidget } from './mountWidget'
import type { MountedWidget } from './types'

/** `prefetched`: the API requests the loader already started (src/embed/prefetch.ts). */
export function mount(element: HTMLElement, props: unknown, prefetched?: PrefetchedRequests): MountedWidget {
  if (prefetched) setPrefetchedRequests(prefetched)
  return mountWidget(element, props)
}
