/**
 * `src/api/yieldToMainThread` with every call counted (and still yielding for real), for tests that
 * check a long job is split into tasks, or that a short one is not:
 *
 *   vi.mock('../../src/api/yieldToMainThread', () => import('../support/countedYieldToMainThread'))
 *
 * then `vi.mocked(yieldToMainThread)` (imported from the real path) is the counting spy.
 */
const actual = await vi.importActual<typeof import('../../src/api/yieldToMainThread')>('../../src/api/yieldToMainThread')

export const yieldToMainThread = vi.fn(actual.yieldToMainThread)
