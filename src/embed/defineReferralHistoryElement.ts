import type { PrefetchedRequests } from '../api/customerReferralsRequest'
import { forgetRememberedBlockSizes, readRememberedBlockSize, RESERVED_BLOCK_SIZE } from '../views/size/rememberedBlockSize'
import { startPrefetch } from './prefetch'
import { ELEMENT_NAME, type EmbedMain, type ReferralHistoryGlobal } from './types'
import { whenNearViewport, type WatchViewport } from './whenNearViewport'

/** Name of the page-wide JS API. */
export const GLOBAL_NAME = 'BubblehouseReferralHistory'

type WindowWithGlobal = Window & { [GLOBAL_NAME]?: ReferralHistoryGlobal }

/**
 * Defines `<bubblehouse-referral-history>` and `window.BubblehouseReferralHistory`, each only if
 * absent: a second copy of the script (or a second version) is harmless, the first one wins.
 *
 * This is the loader, fetched on every page of the store (budget in .size-limit.json: about
 * 1.2 KB). It does only what must happen before the main chunk is there: define the element, set
 * the shop's remembered height on it, watch for it to come near the viewport, start its API
 * request early, and load the main chunk. (The element's height before the main chunk is the
 * README's one-line page rule, which works before any script runs and reads that height; attribute
 * changes are watched by the main chunk.) Then it forwards each event to the main chunk
 * (src/embed/elementLifecycle.ts) in order: every call waits for the same import, so a removal
 * that comes before the chunk is handled after the mount it follows.
 */
export function defineReferralHistoryElement(
  /** Loads the main chunk: `import()` of the versioned file in the build, the source in dev/tests. */
  loadMain: () => Promise<EmbedMain>,
  version: string,
  /** Defaults to an IntersectionObserver; jsdom tests pass their own. */
  watchViewport: WatchViewport = whenNearViewport,
): void {
  // Positional, not an options object: the loader's property names would be bytes on every page.
  const requests: PrefetchedRequests = new Map()
  /** The import: the main chunk, or nothing once its failure is logged. */
  let main: Promise<EmbedMain | void> | undefined
  let loaded: EmbedMain | undefined
  /**
   * Runs `run` with the main chunk: at once once it is loaded (so `unmount()` is synchronous), else
   * in order after the import: every call waits for the same one. A failed import is logged once
   * for the page, and every call waiting on it or coming after it does nothing. It is not retried:
   * a retry for later widgets cost bytes the 1 KB budget gave to the formatting warm-up below,
   * which every first visit gains from.
   */
  const call = (run: (main: EmbedMain) => void) =>
    loaded
      ? run(loaded)
      : (main ??= loadMain().then(
          (module) => (loaded = module),
          // The browser's error names the URL (missing file, or blocked by the page's script-src).
          (error: unknown) => console.error('[referral-history] Cannot load:', error),
        )).then((module) => module && run(module))

  /**
   * Starts the widget's API request beside the main chunk's download, then mounts with the chunk.
   * A microtask first, so a widget removed in the same task never asks the API. `props`: the
   * latest given to `mount()`; without it the element's attributes.
   */
  const mountSoon = (element: HTMLElement, props?: () => unknown) => {
    let removed: true | undefined
    queueMicrotask(() => {
      if (removed) return
      const key = startPrefetch(requests, element, props?.())
      call((main) => main.connect(element, requests, key, props?.()))
      // While both downloads are in flight the page is idle: load the browser's date- and
      // number-formatting data now (40–100 ms in Chromium here, once per page; a date's
      // `toLocaleString` loads both) instead of in the first render.
      setTimeout(() => new Date().toLocaleString())
    })
    return () => {
      removed = true
      if (main) call((main) => main.disconnect(element))
    }
  }

  const w = window as WindowWithGlobal
  w[GLOBAL_NAME] ??= {
    version,
    mount(element, props) {
      // `props` is the latest: `update()` replaces it, and the mount reads it when the chunk is there.
      return {
        update(next) {
          props = next
          loaded?.update(element, next)
        },
        unmount: mountSoon(element, () => props),
      }
    },
    // Before the main chunk is there, no widget has loaded anything yet to forget on this page;
    // the remembered heights of earlier visits are forgotten either way (a sign-out).
    reset: () => {
      forgetRememberedBlockSizes()
      loaded?.reset(requests)
    },
  }

  customElements.get(ELEMENT_NAME) ||
    customElements.define(
      ELEMENT_NAME,
      class extends HTMLElement {
        /** Stops watching the viewport, then (once near) unmounts. `declare`: no class-field code. */
        declare stop: (() => void) | undefined

        connectedCallback(): void {
          // This shop's last height in this browser, for the README's page rule to reserve: a
          // returning shopper's page does not move when the widget arrives (useReservedBlockSize).
          // Or none (an empty value removes it), never a stale one left by an earlier mount.
          this.style.setProperty(RESERVED_BLOCK_SIZE, readRememberedBlockSize(this.getAttribute('shop')?.trim() ?? '') ?? '')
          // Already watching or mounted: the element was moved within the page, keep it.
          this.stop ||= watchViewport(this, () => (this.stop = mountSoon(this)))
        }

        disconnectedCallback(): void {
          // A move (removed and re-inserted in the same task) fires disconnect then connect: wait a
          // microtask before tearing down, so a move does not refetch.
          queueMicrotask(() => {
            if (this.isConnected) return
            this.stop?.()
            this.stop = undefined
          })
        }
      },
    )
}
