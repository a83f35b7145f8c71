import { useEffect, useState } from 'react'

export interface ProgressiveCountOptions {
  /** Items shown in the same render as new data: about one screenful. */
  first: number
  /** Items added by each later step, one step per task. At least 1. */
  step: number
}

interface Progress {
  source: unknown
  count: number
}

/**
 * How many of `total` items to render now: `first` in the render that brings a new `source`, then
 * `step` more per task (a `setTimeout(0)` each) until all are shown. Rendering 10,000 table rows
 * in one go blocked the page for seconds; in steps, the shopper sees the first rows at once and
 * the browser can paint and answer input between steps.
 *
 * A new `source` (compared by identity) starts over at `first`, in that same render. The pending
 * step is cancelled on unmount and when `source` changes. Plain `useState`/`useEffect` only, so it
 * behaves the same under React and preact/compat (the script-tag embed). Without effects (server
 * rendering) only the first `first` items are rendered; the client continues after hydration.
 */
export function useProgressiveCount(source: unknown, total: number, { first, step }: ProgressiveCountOptions): number {
  const [progress, setProgress] = useState<Progress>({ source, count: first })
  // Derived rather than reset in an effect: an effect would first render the new data with the
  // old count (possibly thousands of rows at once) before it could lower it.
  const count = Math.min(total, progress.source === source ? progress.count : first)

  useEffect(() => {
    // A loop of its own rather than one step per commit: under preact/compat effects run only
    // after a paint, and each paint lays out the whole table again, which for thousands of rows
    // costs more than the step itself. Ticks that come faster than the view renders merge into one
    // larger render (the state holds the count, not an increment).
    let shown = count
    let timer: ReturnType<typeof setTimeout> | undefined
    const next = () => {
      if (shown < total) {
        timer = setTimeout(() => {
          shown += step
          setProgress({ source, count: shown })
          next()
        }, 0)
      }
    }
    next()
    return () => clearTimeout(timer)
    // `count` is only where the loop starts: it must not restart on the renders it causes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, total, step])

  return count
}
