/**
 * `bubblehouse-referral-history/server`: helpers for the merchant's server. Never import this in
 * browser code: minting needs the API secret, which must stay on the server.
 */
export { mintCustomerToken, DEFAULT_TOKEN_LIFETIME_SECONDS, MAX_TOKEN_LIFETIME_SECONDS, MIN_SECRET_BYTES } from './mintCustomerToken'
export type { MintCustomerTokenOptions } from './mintCustomerToken'
export type { BubblehouseSecret } from './tokenSecret'
