/**
 * Response builders with the real API's wire conventions: JSON bodies, and errors as exactly
 * `{"id": "...", "message": "..."}` with `Content-Type: application/json`.
 */

/** A JSON answer. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

/** An API error in the documented body shape. Deliberately no `Retry-After`, even on 429: the
 * real API sends none, and the widget must cope without one. */
export function apiErrorResponse(status: number, id: string, message: string): Response {
  return jsonResponse({ id, message }, status)
}

/** Error messages of the real API where the docs give them; the others are the mock's wording. */
export const ERROR_MESSAGES = {
  invalidToken: 'The provided authentication token is invalid or has expired.',
  rateLimitExceeded:
    'Rate limit exceeded: too many read calls per second for this customer. Avoid duplicate calls, or contact support to raise the limit.',
  invalidGlobalApiVersion: 'The global API version in the URL does not exist. Use v2023061.',
  missingCustomerIdentity: 'A shop token needs the "customer" parameter to say which customer to read.',
  emptyCustomerIdentity: 'The "customer" parameter names no customer: give at least one of bhid, shopid, email.',
  noCustomersMatch: 'No customer matches the "customer" parameter.',
  partiallyMismatches: 'The "customer" parameter matches a customer, but not in every field given.',
  identityDoesNotMatchToken: 'The "customer" parameter does not match the customer of the token.',
  invalidRequest: 'The request parameters could not be read: send a JSON object body.',
  notFound: 'No such API call.',
  methodNotAllowed: 'Use POST (recommended) or GET for this call.',
  internalError: 'An internal error occurred. Please try again later.',
  serviceUnavailable: 'The service is temporarily unavailable. Please try again later.',
} as const
