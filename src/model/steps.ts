import { yieldToMainThread } from '../api/yieldToMainThread'

/**
 * Work over every row of a long history, written once as a generator that `yield`s every
 * {@link ROWS_PER_STEP} rows, and run either at once ({@link runToEnd}: the synchronous model
 * functions) or in tasks of a few ms ({@link runInSlices}: the preparation after a download).
 * One implementation, so both give the same result by construction.
 */
export type Steps<T> = Generator<void, T, void>

/** Rows between two points where a long loop may pause. */
export const ROWS_PER_STEP = 256

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

export interface RunInSlicesOptions {
  /** Checked between slices: the promise then rejects with the signal's reason. */
  signal?: AbortSignal
  /** How long one slice may run before yielding to the page. Default 8 ms. */
  sliceBudgetMs?: number
}

/** Runs `steps` in slices of about `sliceBudgetMs`, with a yield to the page between slices. */
export async function runInSlices<T>(steps: Steps<T>, { signal, sliceBudgetMs = 8 }: RunInSlicesOptions = {}): Promise<T> {
  let sliceStart = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (performance.now() - sliceStart >= sliceBudgetMs) {
      await yieldToMainThread()
      signal?.throwIfAborted()
      sliceStart = performance.now()
    }
  }
}
