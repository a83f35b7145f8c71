import { createMockApiMiddleware } from '../mock-api/node'
import { createDevMerchantTokenEndpoint } from './devMerchantTokenEndpoint'

/** The dev server's handlers (src/demo/devServerPlugin.ts loads this module on first use). */
export const mockApi = createMockApiMiddleware()
export const tokenEndpoint = createDevMerchantTokenEndpoint()
