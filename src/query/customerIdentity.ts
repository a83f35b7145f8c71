/**
 * The cache identity of a token: its customer (`sub`, e.g. `my-shop/1234`), so a refreshed token
 * for the same customer keeps the same cache entry and the raw token never sits in a query key
 * (query keys show up in devtools and logs). Decoding is not verification: the API verifies.
 * A token that is not a JWT gets a short non-reversible fingerprint instead.
 */
export function customerIdentityOfToken(token: string): string {
  try {
    const sub = jwtSubject(token)
    if (typeof sub === 'string' && sub !== '') return `sub:${sub}`
  } catch {
    // Not a JWT: the API will answer invalid_token; still keep the token out of the key.
  }
  return `opaque:${fingerprint(token)}`
}

/**
 * The `sub` claim of a compact JWT (three base64url parts), decoded without verifying. Hand-written
 * instead of jose's `decodeJwt` because it is all the browser bundle needs from jose (0.6 KB gzip
 * saved). Throws on anything that is not a JWT with a JSON object payload.
 */
function jwtSubject(token: string): unknown {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) throw new TypeError('not a JWT')
  const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))
  const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))))
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new TypeError('not a JWT payload')
  return (claims as { sub?: unknown }).sub
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
