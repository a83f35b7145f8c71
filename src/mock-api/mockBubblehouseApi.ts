import {
  answerBubblehouseRequest,
  createMockApiState,
  type MockApiState,
  type MockBubblehouseApiOptions,
} from './answerBubblehouseRequest'
import type { ScenarioId } from './scenarios'

/** One request as the mock saw it. Deliberately without headers or body: never the token. */
export interface RecordedRequest {
  readonly method: string
  /** URL path only: a query string could carry a token (`?auth=`) and is not recorded. */
  readonly path: string
  /** Shop customer ID the request was about, once the token and parameters said. */
  readonly customerId: string | null
  readonly scenario: ScenarioId | null
  /** HTTP status answered; 0 when the caller aborted before the answer. */
  readonly status: number
  /** Whether the request asked for `deanonymize: true` (allowed or not). */
  readonly deanonymizeRequested: boolean
}

/** A mock Bubblehouse API with its own memory: *-once counters and a request log. */
export interface MockBubblehouseApi {
  /** Answers a web-standard Request (msw, a Node adapter, a service worker…). */
  handle(request: Request): Promise<Response>
  /** Requests handled since creation or the last `reset()`, oldest first. A snapshot. */
  readonly requests: readonly RecordedRequest[]
  /** Forgets the log and the *-once counters (e.g. between tests). */
  reset(): void
}

/** Creates an independent mock API. Tests create one each (or reset a shared one after each). */
export function createMockBubblehouseApi(options: MockBubblehouseApiOptions = {}): MockBubblehouseApi {
  return createWithState(options, createMockApiState())
}

function createWithState(options: MockBubblehouseApiOptions, state: MockApiState): MockBubblehouseApi {
  let log: RecordedRequest[] = []
  return {
    async handle(request) {
      const method = request.method
      const path = new URL(request.url).pathname
      try {
        const answer = await answerBubblehouseRequest(request, options, state)
        log.push({
          method,
          path,
          customerId: answer.customerId,
          scenario: answer.scenario,
          status: answer.response.status,
          deanonymizeRequested: answer.deanonymizeRequested,
        })
        return answer.response
      } catch (error) {
        // The caller gave up on a `slow` request (or the mock has a bug): log it, let the adapter see it.
        log.push({ method, path, customerId: null, scenario: null, status: 0, deanonymizeRequested: false })
        throw error
      }
    },
    get requests() {
      return log.slice()
    },
    reset() {
      log = []
      state.requestsByScenario.clear()
    },
  }
}

const sharedState = createMockApiState()

/**
 * The shared instance for places that need just one (the demo page, Storybook, the e2e server),
 * with the default options (`slow` waits 10 s).
 */
export const mockBubblehouseApi: MockBubblehouseApi = createWithState({}, sharedState)

/** Options of {@link handleBubblehouseRequest}. */
export interface HandleBubblehouseRequestOptions extends MockBubblehouseApiOptions {
  /** Memory for the *-once scenarios. Default: the shared instance's memory. */
  state?: MockApiState
}

/**
 * The mock API as one function of web-standard Request → Response, for any framework. It keeps
 * no log; the *-once scenarios count in `options.state`, by default in the shared instance's memory
 * (reset it with `mockBubblehouseApi.reset()`).
 */
export async function handleBubblehouseRequest(
  request: Request,
  options: HandleBubblehouseRequestOptions = {},
): Promise<Response> {
  const { state = sharedState, ...apiOptions } = options
  return (await answerBubblehouseRequest(request, apiOptions, state)).response
}
