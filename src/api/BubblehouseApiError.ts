/**
 * Codes this widget adds beside the API's own error `id`s, for failures that never produced an
 * API error body. Branch on `code`, never on `message`.
 */
export const CLIENT_ERROR_CODES = {
  /** The request never got an HTTP answer (offline, DNS, CORS refusal, connection reset). */
  network: 'network_error',
  /** An answer that is not the documented JSON: an HTML proxy page, truncated JSON, a body that
   * does not match the CustomerReferrals2 schema. */
  malformedResponse: 'malformed_response',
  /** The browser is offline, so the first load is waiting for the connection (no request sent). */
  offline: 'offline',
  /** No token was given and none could be obtained (`getToken` / `token-url` failed). */
  tokenUnavailable: 'token_unavailable',
  /** The answer was larger than the widget reads (16 MB): the download was cancelled. */
  responseTooLarge: 'response_too_large',
} as const

/** Error ids the API documents for this call (global and API-wide). */
export const API_ERROR_CODES = {
  invalidToken: 'invalid_token',
  rateLimitExceeded: 'rate_limit_exceeded',
  invalidGlobalApiVersion: 'invalid_global_api_version',
  obsoleteGlobalApiVersion: 'obsolete_global_api_version',
  inaccessibleGlobalApiVersion: 'inaccessible_global_api_version',
  customerIdentityDoesNotMatchToken: 'customer_identity_does_not_match_token',
} as const

export const API_VERSION_ERROR_CODES: readonly string[] = [
  API_ERROR_CODES.invalidGlobalApiVersion,
  API_ERROR_CODES.obsoleteGlobalApiVersion,
  API_ERROR_CODES.inaccessibleGlobalApiVersion,
]

/** Every code the widget knows: its own, the API's documented ids (bubblehouse-api.md: global and
 * API-wide errors) and the view's own (`render_error`, `unexpected_error`). */
const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set([
  ...Object.values(CLIENT_ERROR_CODES),
  ...Object.values(API_ERROR_CODES),
  'missing_customer_identity',
  'empty_customer_identity',
  'no_customers_match_customer_identity',
  'customer_identity_partially_mismatches_matched_customer',
  'render_error',
  'unexpected_error',
])

/** What the Error state shows for support to quote: a known code as is, anything else (an `id`
 * the API does not document, which could be any text a server or proxy chose) as `api_error`. */
export function errorReference(code: string): string {
  return KNOWN_ERROR_CODES.has(code) ? code : 'api_error'
}

/**
 * A failed `CustomerReferrals2` call. `code` is the API's error `id` (e.g. `invalid_token`,
 * `rate_limit_exceeded`) or one of `CLIENT_ERROR_CODES`; `status` is the HTTP status, 0 when there
 * was no HTTP answer. The message never contains the token or a friend's address.
 */
export class BubblehouseApiError extends Error {
  override readonly name = 'BubblehouseApiError'
  readonly status: number
  readonly code: string
  /** Seconds the server asked us to wait (`Retry-After`), when it sent one. Undocumented today. */
  readonly retryAfterSeconds: number | null
  /**
   * On `rate_limit_exceeded`, set by the widget's query layer: when the unbroken run of rate-limited
   * answers for this customer began (epoch ms) and which load of that run this error ended (1 for
   * the first). The automatic retries back off, then stop, by it.
   */
  rateLimitStreak?: RateLimitStreak

  constructor(options: { status: number; code: string; message: string; retryAfterSeconds?: number | null; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause })
    this.status = options.status
    this.code = options.code
    this.retryAfterSeconds = options.retryAfterSeconds ?? null
  }
}

export interface RateLimitStreak {
  since: number
  cycle: number
}

export function isBubblehouseApiError(error: unknown): error is BubblehouseApiError {
  return error instanceof BubblehouseApiError
}
