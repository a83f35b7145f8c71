import { ATTRIBUTE_NAMES, readAttributeProps } from './attributes'
import { createPrefetcher } from './prefetch'
import { reserveSpace } from './reserveSpace'
import { ELEMENT_NAME, type EmbedMain, type ReferralHistoryGlobal } from './types'
import { whenNearViewport, type WatchViewport } from './whenNearViewport'

/** Name of the page-wide JS API. */
export const GLOBAL_NAME = 'BubblehouseReferralHistory'

export interface DefineOptions {
  /** Loads the main chunk: `import()` of the versioned file in the build, the source in dev/tests. */
  loadMain: () => Promise<EmbedMain>
  version: string
  /** Defaults to the shared IntersectionObserver; tests pass their own. */
  watchViewport?: WatchViewport
}

type WindowWithGlobal = Window & { [GLOBAL_NAME]?: ReferralHistoryGlobal }

/**
 * Defines `<bubblehouse-referral-history>` and `window.BubblehouseReferralHistory`, each only if
 * absent: a second copy of the script (or a second version) is harmless, the first one wins.
 *
 * This is the loader, fetched on every page of the store (budget in .size-limit.json). It
 * does only what must happen before the main chunk is there: define the element and hold its
 * space, watch for it to come near the viewport, start its API request early, and load the main
 * chunk. Then it forwards each event to the main chunk (src/embed/elementLifecycle.ts) in order:
 * every call waits for the same import, so a removal that comes before the chunk is handled after
 * the mount it follows.
 */
export function defineReferralHistoryElement({ loadMain, version, watchViewport = whenNearViewport }: DefineOptions): void {
  const prefetcher = createPrefetcher()
  let main: Promise<EmbedMain> | undefined
  let loaded: EmbedMain | undefined
  /** Runs `run` with the main chunk: at once once it is loaded, else in order after the import. */
  const call = (run: (main: EmbedMain) => void) =>
    loaded
      ? run(loaded)
      : (main ??= loadMain().then(
          (module) => (loaded = module),
          (error: unknown) => {
            main = undefined // let a later widget try again
            throw error
          },
        )).then(run, (error: unknown) =>
          // The browser's error names the URL (missing file, or blocked by the page's script-src).
          console.error('[referral-history] Could not load the widget:', error),
        )

  /**
   * Starts the widget's API request beside the main chunk's download, then mounts with the chunk.
   * A microtask first, so a widget removed in the same task never asks the API.
   */
  const mountSoon = (element: HTMLElement, readProps: () => unknown) => {
    let removed = false
    queueMicrotask(() => {
      if (removed) return
      const release = prefetcher.start(readProps())
      call((main) => main.connect(element, prefetcher, release, readProps()))
      // While both downloads are in flight the page is idle: load the browser's number-formatting
      // data now (about 55 ms in Chromium, once per page) instead of after the rows arrive.
      setTimeout(() => new Intl.NumberFormat().format(1))
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
      let latest: unknown = props
      const unmount = mountSoon(element, () => latest)
      return {
        update(next) {
          latest = next
          if (loaded) loaded.update(element, next)
        },
        unmount,
      }
    },
  }

  if (customElements.get(ELEMENT_NAME)) return

  customElements.define(
    ELEMENT_NAME,
    class extends HTMLElement {
      static observedAttributes = ATTRIBUTE_NAMES
      // `declare`: no class-field code in the loader; these start undefined.
      declare stopWatching: (() => void) | undefined
      declare unmount: (() => void) | undefined

      connectedCallback(): void {
        reserveSpace(this)
        // Already watching or mounted: the element was moved within the page, keep it.
        this.stopWatching ||= watchViewport(this, () => (this.unmount = mountSoon(this, () => readAttributeProps(this))))
      }

      disconnectedCallback(): void {
        // A move (removed and re-inserted in the same task) fires disconnect then connect: wait a
        // microtask before tearing down, so a move does not refetch.
        queueMicrotask(() => {
          if (this.isConnected || !this.stopWatching) return
          this.stopWatching()
          this.unmount?.()
          this.stopWatching = this.unmount = undefined
        })
      }

      attributeChangedCallback(): void {
        if (loaded && this.unmount) loaded.update(this)
      }
    },
  )
}
