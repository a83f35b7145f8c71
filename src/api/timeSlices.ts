import { yieldToMainThread } from './yieldToMainThread'

export interface TimeSliceOptions {
  /** Checked between slices: the work then rejects with the signal's reason. */
  signal?: AbortSignal
  /** How long one slice may run before yielding to the page. Default 8 ms. */
  sliceBudgetMs?: number
}

/**
 * The clock of a long job run in slices of a few ms (reading, parsing, validating and preparing a
 * heavy referrer's history): the loop asks `due()` after each bit of work and, when the slice has
 * used its budget, awaits `next()`. Asking is synchronous, so work that fits in a slice never
 * waits on a promise.
 */
export function timeSlices({ signal, sliceBudgetMs = 8 }: TimeSliceOptions = {}) {
  let sliceStart = performance.now()
  return {
    /** This slice has run `share` of its budget (all of it by default). */
    due: (share = 1): boolean => performance.now() - sliceStart >= sliceBudgetMs * share,
    /** Yields to the page, stops if the signal has aborted, and starts a new slice. */
    async next(): Promise<void> {
      await yieldToMainThread()
      signal?.throwIfAborted()
      sliceStart = performance.now()
    },
  }
}
