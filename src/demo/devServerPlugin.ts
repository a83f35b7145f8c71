import type { Plugin } from 'vite'
import { createMockApiMiddleware } from '../mock-api/node'
import { createDevMerchantTokenEndpoint } from './devMerchantTokenEndpoint'

/** Where the demo's mock Bubblehouse API lives on the dev server. */
export const DEV_MOCK_API_BASE = '/mock-bubblehouse/api'

/**
 * `npm run dev`: serves the mock Bubblehouse API and a dev merchant token endpoint over real HTTP
 * beside the demo storefront, so the demo exercises the same fetch, CORS-free same-origin path and
 * JWT checks as the tests. Not used in builds.
 */
export function devServerPlugin(): Plugin {
  return {
    name: 'referral-history-dev-server',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(DEV_MOCK_API_BASE, createMockApiMiddleware())
      server.middlewares.use(createDevMerchantTokenEndpoint())
    },
  }
}
