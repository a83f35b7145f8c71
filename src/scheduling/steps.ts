import { yieldToMainThread } from './yieldToMainThread'

/**
 * Work over every row of a long history (validating, sorting, grouping, counting), written once as
 * a generator that `yield`s every few rows, and run either at once ({@link runToEnd}: the
 * synchronous parser and model functions) or in tasks of a few ms ({@link runInSlices}: after a
 * download, while the page stays responsive). One implementation, so both give the same result by
 * construction. Imported by `src/api` and `src/model` alike; it imports nothing of theirs.
 */
export type Steps<T> = Generator<void, T, void>

/** Rows between two points where a cheap loop (sorting, grouping, counting) may pause. */
export const ROWS_PER_PAUSE = 256

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

export interface RunInSlicesOptions {
  /** Checked between slices: the work then rejects with the signal's reason. */
  signal?: AbortSignal | undefined
  /** How long one slice may run before yielding to the page. Default 8 ms. */
  sliceBudgetMs?: number
}

/**
 * Runs `steps` in slices of about `sliceBudgetMs`, with a yield to the page (a new task) between
 * slices. Work that fits in one slice never waits on a promise. At the end, if the last slice
 * used half its budget, one more yield: what follows (the first render) is a task's worth of its
 * own, better not added to it; a short history goes straight on, without a task hop.
 */
export async function runInSlices<T>(steps: Steps<T>, { signal, sliceBudgetMs = 8 }: RunInSlicesOptions = {}): Promise<T> {
  let sliceStart = performance.now()
  const used = () => performance.now() - sliceStart
  const next = async () => {
    await yieldToMainThread()
    signal?.throwIfAborted()
    sliceStart = performance.now()
  }
  for (;;) {
    const step = steps.next()
    if (step.done) {
      if (used() >= sliceBudgetMs / 2) await next()
      signal?.throwIfAborted()
      return step.value
    }
    if (used() >= sliceBudgetMs) await next()
  }
}
