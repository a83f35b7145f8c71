import { setupServer } from 'msw/node'
import { createMockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'
import { bubblehouseHandlers } from '../../src/mock-api/msw'

/** The `slow` scenario's delay in unit tests: long enough to see a loading state, short enough
 * that a test waiting for the answer stays inside Vitest's 5 s timeout. */
export const TEST_SLOW_DELAY_MS = 1500

/** The mock Bubblehouse API every unit test talks to. `setup-unit.ts` resets it after each test,
 * so `testApi.requests` holds only the current test's requests. */
export const testApi = createMockBubblehouseApi({ slowDelayMs: TEST_SLOW_DELAY_MS })

/** msw in Node: intercepts `fetch` to any `…/CustomerReferrals2` URL and answers with `testApi`. */
export const mockApiServer = setupServer(...bubblehouseHandlers(testApi))
