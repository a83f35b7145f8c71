/**
 * `src/scheduling/yieldToMainThread` with every call counted (and still yielding for real), for tests that
 * check a long job is split into tasks, or that a short one is not:
 *
 *   vi.mock('../../src/scheduling/yieldToMainThread', () => import('../support/countedYieldToMainThread'))
 *
 * then `vi.mocked(yieldToMainThread)` (imported from the real path) is the counting spy.
 */
const actual = await vi.importActual<typeof import('../../src/scheduling/yieldToMainThread')>('../../src/scheduling/yieldToMainThread')

export const yieldToMainThread = vi.fn(actual.yieldToMainThread)
