/**
 * The cache identity of a token: its customer (`sub`, e.g. `my-shop/1234`), so a refreshed token
 * for the same customer keeps the same cache entry and the raw token never sits in a query key
 * (query keys show up in devtools and logs). Decoding is not verification: the API verifies.
 * A token that is not a JWT gets a short non-reversible fingerprint instead.
 */
export function customerIdentityOfToken(token: string): string {
  const sub = jwtClaims(token)?.sub
  if (typeof sub === 'string' && sub !== '') return `sub:${sub}`
  // Not a JWT with a sub: the API will answer invalid_token; still keep the token out of the key.
  return `opaque:${fingerprint(token)}`
}

/** How long before its `exp` a token counts as expired: it must still be valid when the API
 * reads it, after the request's trip and a clock that may be a little off. */
export const TOKEN_EXPIRY_MARGIN_MS = 10_000

/**
 * Whether the token's `exp` has passed (within {@link TOKEN_EXPIRY_MARGIN_MS}), read from the
 * browser's clock. An expired token is never sent: the widget gets a fresh one first. A token
 * without a readable `exp` is not judged here (the API decides).
 */
export function isTokenExpired(token: string, now: number = Date.now()): boolean {
  const exp = jwtClaims(token)?.exp
  return typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 - TOKEN_EXPIRY_MARGIN_MS <= now
}

/**
 * The claims of a compact JWT (three base64url parts), decoded without verifying; `null` for
 * anything that is not a JWT with a JSON object payload. Hand-written instead of jose's
 * `decodeJwt` because it is all the browser bundle needs from jose (0.6 KB gzip saved).
 */
function jwtClaims(token: string): { sub?: unknown; exp?: unknown } | null {
  try {
    const parts = token.split('.')
    if (parts.length !== 3 || !parts[1]) return null
    const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))))
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? claims : null
  } catch {
    return null
  }
}

/** FNV-1a 32-bit: enough to tell tokens apart in a cache key, useless for recovering one. */
function fingerprint(value: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}
