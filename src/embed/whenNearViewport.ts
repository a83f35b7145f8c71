/** Calls back once the element is within one viewport height of the viewport. */
export type WatchViewport = (element: Element, onNear: () => void) => () => void

let observer: IntersectionObserver | undefined
const waiting = new Map<Element, () => void>()

/**
 * One shared IntersectionObserver with a margin of one viewport height above and below, so the
 * main chunk and the API request start before the shopper scrolls to the widget. Returns a
 * function that stops watching (the element was removed first). Every browser with custom
 * elements has IntersectionObserver; jsdom tests pass their own `WatchViewport`.
 */
export const whenNearViewport: WatchViewport = (element, onNear) => {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const callback = waiting.get(entry.target)
        if (!entry.isIntersecting || !callback) continue
        stop(entry.target)
        callback()
      }
    },
    { rootMargin: '100% 0px' },
  )
  waiting.set(element, onNear)
  observer.observe(element)
  return () => stop(element)
}

function stop(element: Element): void {
  waiting.delete(element)
  observer?.unobserve(element)
}
