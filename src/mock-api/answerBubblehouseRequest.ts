import type { BubblehouseSecret } from '../server/tokenSecret'
import { apiErrorResponse, ERROR_MESSAGES, jsonResponse } from './apiResponses'
import { authenticateRequest } from './authenticateRequest'
import { MOCK_ADMIN_LEVEL, MOCK_KID, MOCK_SECRET, MOCK_SHOP } from './credentials'
import { findCustomer, identityMatches, mockCustomer, type MockCustomer } from './mockCustomers'
import { readRequestParams } from './readRequestParams'
import { answerForCustomer } from './scenarioAnswers'
import { isScenarioId, type ScenarioId } from './scenarios'

/** Global API versions the mock accepts: the two the docs show. */
export const KNOWN_API_VERSIONS: readonly string[] = ['v2023061', 'v20230601']

/** How long the `slow` scenario waits before answering, unless configured. */
export const DEFAULT_SLOW_DELAY_MS = 10_000

/** Configuration of the mock API. Every field is optional. */
export interface MockBubblehouseApiOptions {
  /** Shops the mock serves and their API secrets by `kid`. Default: `MOCK_SHOP` with
   * `{ [MOCK_KID]: MOCK_SECRET }`. A request for any other shop fails token checks (401). */
  shops?: Readonly<Record<string, { secrets: Readonly<Record<string, BubblehouseSecret>> }>>
  /** Delay of the `slow` scenario in milliseconds. Default 10 000. */
  slowDelayMs?: number
  /** Clock for the token's `exp` check. Default: the real time. */
  now?: () => Date
}

/** What the mock remembers between requests (for the *-once scenarios). */
export interface MockApiState {
  /** Authenticated requests answered so far, by scenario. */
  readonly requestsByScenario: Map<ScenarioId, number>
}

export function createMockApiState(): MockApiState {
  return { requestsByScenario: new Map() }
}

/** An answer plus what the request log records about it. Never holds the token. */
export interface MockAnswer {
  response: Response
  /** The customer the answer is about, once the token and parameters say who. */
  customerId: string | null
  scenario: ScenarioId | null
  deanonymizeRequested: boolean
}

const DEFAULT_SHOPS: NonNullable<MockBubblehouseApiOptions['shops']> = { [MOCK_SHOP]: { secrets: { [MOCK_KID]: MOCK_SECRET } } }

// `…/<global version>/<shop>/CustomerReferrals2` under any base path (the real one is `/api`).
const ROUTE = /\/([^/]+)\/([^/]+)\/CustomerReferrals2\/?$/

/**
 * Answers one request the way the real CustomerReferrals2 endpoint would, in the real API's order
 * of checks: route, method, global version, token, parameters, customer identity, then the call.
 */
export async function answerBubblehouseRequest(
  request: Request,
  options: MockBubblehouseApiOptions,
  state: MockApiState,
): Promise<MockAnswer> {
  const answer = (response: Response, customer: MockCustomer | null = null, deanonymizeRequested = false): MockAnswer => ({
    response,
    customerId: customer?.shopid ?? null,
    scenario: customer && isScenarioId(customer.shopid) ? customer.shopid : null,
    deanonymizeRequested,
  })

  const route = matchRoute(new URL(request.url).pathname)
  if (route === null) return answer(apiErrorResponse(404, 'not_found', ERROR_MESSAGES.notFound))
  // `method_not_allowed` and `invalid_request` (below) are the mock's own ids: the docs name none
  // for these cases. The widget never triggers them; they keep hand-written calls honest.
  if (request.method !== 'POST' && request.method !== 'GET') {
    const body = { id: 'method_not_allowed', message: ERROR_MESSAGES.methodNotAllowed }
    return answer(jsonResponse(body, 405, { Allow: 'GET, POST' }))
  }
  if (!KNOWN_API_VERSIONS.includes(route.version)) {
    return answer(apiErrorResponse(400, 'invalid_global_api_version', ERROR_MESSAGES.invalidGlobalApiVersion))
  }

  const shops = options.shops ?? DEFAULT_SHOPS
  const secrets = Object.hasOwn(shops, route.shop) ? shops[route.shop]?.secrets : undefined
  const identity = await authenticateRequest(request, route.shop, secrets ?? {}, (options.now ?? (() => new Date()))())
  if (identity === null) return answer(apiErrorResponse(401, 'invalid_token', ERROR_MESSAGES.invalidToken))

  const params = await readRequestParams(request)
  if (params === null) return answer(apiErrorResponse(400, 'invalid_request', ERROR_MESSAGES.invalidRequest))

  let customer: MockCustomer
  const asked = params.customer
  // A `customer` object with no usable field is the API-wide 404, whichever token sent it.
  if (asked !== undefined && Object.keys(asked).length === 0) {
    return answer(apiErrorResponse(404, 'empty_customer_identity', ERROR_MESSAGES.emptyCustomerIdentity))
  }
  if (identity.kind === 'customer') {
    customer = mockCustomer(identity.customerId)
    if (asked !== undefined && !identityMatches(asked, customer)) {
      return answer(apiErrorResponse(403, 'customer_identity_does_not_match_token', ERROR_MESSAGES.identityDoesNotMatchToken))
    }
  } else {
    if (asked === undefined) {
      return answer(apiErrorResponse(400, 'missing_customer_identity', ERROR_MESSAGES.missingCustomerIdentity))
    }
    const found = findCustomer(asked)
    if (found === null) return answer(apiErrorResponse(404, 'no_customers_match_customer_identity', ERROR_MESSAGES.noCustomersMatch))
    if (!identityMatches(asked, found)) {
      return answer(
        apiErrorResponse(404, 'customer_identity_partially_mismatches_matched_customer', ERROR_MESSAGES.partiallyMismatches),
      )
    }
    customer = found
  }

  // Unmasked data needs a shop token or a customer-admin token; for anyone else `deanonymize` is
  // silently ineffective ("effective only if the caller may see unmasked data"), not an error.
  const mayUnmask = identity.kind === 'shop' || identity.level === MOCK_ADMIN_LEVEL
  const scenario = isScenarioId(customer.shopid) ? customer.shopid : null
  const earlierRequests = scenario === null ? 0 : (state.requestsByScenario.get(scenario) ?? 0)
  if (scenario !== null) state.requestsByScenario.set(scenario, earlierRequests + 1)

  const response = await answerForCustomer(customer.shopid, {
    unmask: mayUnmask && params.deanonymize,
    earlierRequests,
    slowDelayMs: options.slowDelayMs ?? DEFAULT_SLOW_DELAY_MS,
    signal: request.signal,
  })
  return answer(response, customer, params.deanonymize)
}

function matchRoute(pathname: string): { version: string; shop: string } | null {
  const match = ROUTE.exec(pathname)
  if (!match) return null
  try {
    return { version: decodeURIComponent(match[1] ?? ''), shop: decodeURIComponent(match[2] ?? '') }
  } catch {
    return null // a malformed %-escape cannot name a shop
  }
}
