/**
 * The one mock Bubblehouse API (CustomerReferrals2), framework-neutral and browser-safe.
 * Adapters live beside it and are imported by path: `./msw` (msw handlers, Node and browser) and
 * `./node` (Connect middleware, Node only). Dev and test code only: never part of the widget.
 */
export {
  createMockBubblehouseApi,
  handleBubblehouseRequest,
  mockBubblehouseApi,
  type HandleBubblehouseRequestOptions,
  type MockBubblehouseApi,
  type RecordedRequest,
} from './mockBubblehouseApi'
export {
  createMockApiState,
  DEFAULT_SLOW_DELAY_MS,
  KNOWN_API_VERSIONS,
  type MockApiState,
  type MockBubblehouseApiOptions,
} from './answerBubblehouseRequest'
export {
  MOCK_ADMIN_LEVEL,
  MOCK_KID,
  MOCK_SECRET,
  MOCK_SHOP,
  mintMockCustomerToken,
  mintMockShopToken,
  type MockTokenOptions,
} from './credentials'
export { SCENARIOS, isScenarioId, type ScenarioId } from './scenarios'
export { FIXTURE_REFERENCE_DATE, LONG_VALUES_REFERRALS, TYPICAL_REFERRALS, UNKNOWN_VALUES_REFERRALS, totalsOf } from './fixtures'
export { MANY_REFERRALS_COUNT, buildManyReferrals } from './manyReferrals'
export { maskDestination } from './maskDestination'
export { mockCustomer, type MockCustomer } from './mockCustomers'
