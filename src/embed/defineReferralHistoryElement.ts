import { ATTRIBUTE_PROPS, readAttributeProps } from './attributes'
import { createPrefetcher } from './prefetch'
import { ELEMENT_NAME, type EmbedMain, type EmbedProps, type MountedWidget, type ReferralHistoryGlobal } from './types'
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
 * This file is the loader: keep it tiny, everything heavy lives in the main chunk.
 */
export function defineReferralHistoryElement(options: DefineOptions): void {
  let main: Promise<EmbedMain> | undefined
  const load = () =>
    (main ??= options.loadMain().catch((error: unknown) => {
      main = undefined // let a later widget try again
      throw error
    }))
  const watch = options.watchViewport ?? whenNearViewport
  const prefetcher = createPrefetcher()

  /** A handle that works at once and renders when `ready` resolves. */
  const deferredMount = (element: HTMLElement, props: unknown, ready: Promise<unknown>): MountedWidget => {
    let latest = props
    let widget: MountedWidget | undefined
    let removed = false
    let release: (() => void) | undefined
    ready
      .then(() => {
        // The API request starts now, beside the main chunk's download, not after it.
        if (!removed) release = prefetcher.start((latest ?? {}) as object)
        return load()
      })
      .then((loaded) => {
        if (removed) return
        release = undefined // the widget's query takes the request from here
        widget = loaded.mount(element, latest, prefetcher)
      })
      // The browser's error names the URL (missing file, or blocked by the page's script-src).
      .catch((error: unknown) => console.error('[referral-history] Could not load the widget:', error))
    return {
      update(next) {
        latest = next
        widget?.update(next)
      },
      unmount() {
        removed = true
        release?.()
        widget?.unmount()
        widget = undefined
      },
    }
  }

  const w = window as WindowWithGlobal
  w[GLOBAL_NAME] ??= {
    version: options.version,
    mount: (element: HTMLElement, props: EmbedProps) => deferredMount(element, props, Promise.resolve()),
  }

  if (customElements.get(ELEMENT_NAME)) return

  class ReferralHistoryElement extends HTMLElement {
    static observedAttributes = Object.keys(ATTRIBUTE_PROPS)
    private widget: MountedWidget | undefined
    private stopWatching: (() => void) | undefined
    private connected = false
    private updateQueued = false

    connectedCallback(): void {
      this.connected = true
      if (this.widget) return // moved within the page: keep the widget
      let near!: () => void
      const ready = new Promise<void>((resolve) => (near = resolve))
      this.widget = deferredMount(this, readAttributeProps(this), ready)
      this.stopWatching = watch(this, near)
    }

    disconnectedCallback(): void {
      this.connected = false
      // A move (removed and re-inserted in the same task) fires disconnect then connect: wait a
      // microtask before tearing down, so a move does not refetch.
      queueMicrotask(() => {
        if (this.connected) return
        this.stopWatching?.()
        this.widget?.unmount()
        this.widget = this.stopWatching = undefined
      })
    }

    attributeChangedCallback(): void {
      // Setting several attributes in a row renders once.
      if (!this.widget || this.updateQueued) return
      this.updateQueued = true
      queueMicrotask(() => {
        this.updateQueued = false
        this.widget?.update(readAttributeProps(this))
      })
    }
  }
  customElements.define(ELEMENT_NAME, ReferralHistoryElement)
}
