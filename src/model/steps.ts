import { timeSlices, type TimeSliceOptions } from '../api/timeSlices'

/**
 * Work over every row of a long history, written once as a generator that `yield`s every
 * {@link ROWS_PER_PAUSE} rows, and run either at once ({@link runToEnd}: the synchronous model
 * functions) or in tasks of a few ms ({@link runInSlices}: the preparation after a download).
 * One implementation, so both give the same result by construction.
 */
export type Steps<T> = Generator<void, T, void>

/** Rows between two points where a long loop may pause. */
export const ROWS_PER_PAUSE = 256

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

export type RunInSlicesOptions = TimeSliceOptions

/** Runs `steps` in slices of about `sliceBudgetMs`, with a yield to the page between slices. */
export async function runInSlices<T>(steps: Steps<T>, options: RunInSlicesOptions = {}): Promise<T> {
  const slices = timeSlices(options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (slices.due()) await slices.next()
  }
}
