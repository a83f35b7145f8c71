import { http, type HttpHandler } from 'msw'
import { mockBubblehouseApi, type MockBubblehouseApi } from './mockBubblehouseApi'

/**
 * msw 2 request handlers serving the mock Bubblehouse API on any origin and base path. The same
 * handlers work with `setupServer` (msw/node: Vitest) and `setupWorker` (msw/browser: Storybook,
 * the demo page). All logic lives in the mock API; this is only the plug.
 */
export function bubblehouseHandlers(api: MockBubblehouseApi = mockBubblehouseApi): HttpHandler[] {
  return [http.all('*/CustomerReferrals2', ({ request }) => api.handle(request))]
}
