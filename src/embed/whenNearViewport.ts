/** Calls back once the element is within one viewport height of the viewport, always after it
 * returns (as IntersectionObserver does: the loader stores the stop function first). */
export type WatchViewport = (element: Element, onNear: () => void) => () => void

/**
 * An IntersectionObserver with a margin of one viewport height above and below, so the main chunk
 * and the API request start before the shopper scrolls to the widget. Returns a function that
 * stops watching (the element was removed first). One observer per element: a page has a widget
 * or two, and the shared observer with its element map cost the loader ~80 bytes. Every browser
 * with custom elements has IntersectionObserver; jsdom tests pass their own `WatchViewport`.
 */
export const whenNearViewport: WatchViewport = (element, onNear) => {
  const observer = new IntersectionObserver(
    (entries) => {
      // Near at any point since the last callback is near enough to start loading.
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect()
        onNear()
      }
    },
    { rootMargin: '100% 0px' },
  )
  observer.observe(element)
  return () => observer.disconnect()
}
