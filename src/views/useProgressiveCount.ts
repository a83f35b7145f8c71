import { useEffect, useRef, useState } from 'react'
import { useClientLayoutEffect } from './useClientLayoutEffect'

export interface ProgressiveCountOptions {
  /** Items shown in the same render as new data: about one screenful. */
  first: number
  /** Items added by the first later step. Later steps are sized from how long the last one took to
   * render, so each takes about `stepBudgetMs` on this device. At least 1. */
  step: number
  /** Render time to aim for per step. Default 20 ms (the history passes 10, `STEP_BUDGET_MS` in
   * ReferralList.tsx, since rows became plain DOM): a step's task holds more than its render, and
   * the rest must fit too before the task counts as long (50 ms) or blocks input for 100 ms: a
   * garbage collection that lands in it (the rows rendered so far are live objects it copies;
   * 40–100 ms here at a few thousand rows) and the frame's style and layout of the new rows. With
   * 40 ms, a 10,000-row history had steps of 100–165 ms; with 20 ms, few reach 100 ms, and every
   * row is in about 20 % later (BENCHMARKS.md figure 7). */
  stepBudgetMs?: number
  /** The clock; tests pass their own. */
  now?: () => number
}

interface Progress {
  source: unknown
  count: number
}

/** A step's size from the last one's: scaled to the budget, within 1/8 and 8 × the first step. */
export function nextStepSize(lastSize: number, lastMs: number, budgetMs: number, firstStep: number): number {
  const scaled = Math.round((lastSize * budgetMs) / Math.max(lastMs, 1))
  return Math.min(firstStep * 8, Math.max(Math.ceil(firstStep / 8), scaled))
}

/**
 * How many of `total` items to render now: `first` in the render that brings a new `source`, then
 * more per task (a `setTimeout(0)` each) until all are shown. Rendering 10,000 table rows in one go
 * blocked the page for seconds; in steps, the shopper sees the first rows at once and the browser
 * can paint and answer input between steps. A fixed step was 60–90 ms on a slow 2-core machine
 * (and would be several times that on a low-end phone), so each step is sized from the time the
 * previous one took, from its timer to its commit (`nextStepSize`). Under React the render may
 * come a task after the timer; the wait then counts too, which only makes steps smaller.
 *
 * A new `source` (compared by identity) starts over at `first`, in that same render. The pending
 * step is cancelled on unmount and when `source` changes. Plain hooks only, so it behaves the same
 * under React and preact/compat (the script-tag embed). Without effects (server rendering) only
 * the first `first` items are rendered; the client continues after hydration.
 */
export function useProgressiveCount(
  source: unknown,
  total: number,
  { first, step, stepBudgetMs = 20, now = () => performance.now() }: ProgressiveCountOptions,
): number {
  const [progress, setProgress] = useState<Progress>({ source, count: first })
  // Derived rather than reset in an effect: an effect would first render the new data with the
  // old count (possibly thousands of rows at once) before it could lower it.
  const count = Math.min(total, progress.source === source ? progress.count : first)
  /** The step being rendered (when its timer fired, how many it added) and the next one's size. */
  const pace = useRef({ startedAt: 0, added: 0, next: step })

  // After each commit: a step that was waiting for its render has taken `now() - startedAt`.
  useClientLayoutEffect(() => {
    const current = pace.current
    if (current.added === 0) return
    current.next = nextStepSize(current.added, now() - current.startedAt, stepBudgetMs, step)
    current.added = 0
  })

  useEffect(() => {
    // A loop of its own rather than one step per commit: under preact/compat effects run only
    // after a paint, and each paint lays out the whole table again, which for thousands of rows
    // costs more than the step itself. Ticks that come faster than the view renders merge into one
    // larger render (the state holds the count, not an increment).
    let shown = count
    let timer: ReturnType<typeof setTimeout> | undefined
    pace.current = { startedAt: 0, added: 0, next: step }
    const next = () => {
      if (shown < total) {
        timer = setTimeout(() => {
          const size = pace.current.next
          shown += size
          pace.current.startedAt = now()
          pace.current.added = size
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
