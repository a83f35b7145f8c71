/**
 * Turns a Bubblehouse API secret into the HMAC key bytes.
 *
 * Browser-safe on purpose (only `atob`, no `Buffer`): the mock Bubblehouse API verifies tokens
 * with the same decoding in Storybook and the demo page.
 */

/** The secret as the Bubblehouse API console shows it (base64), or the raw key bytes. */
export type BubblehouseSecret = string | Uint8Array

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * Returns the HMAC key for `secret`.
 *
 * A string is base64-decoded before use: the console hands out a base64 secret and Bubblehouse's
 * own plugins decode it before signing (inferred from their source; the docs do not say). Using
 * the string's characters as the key would produce tokens the API rejects as `invalid_token`.
 * base64url (`-`, `_`) and missing padding are tolerated because copy-paste often produces them.
 * A `Uint8Array` is taken as the raw key bytes.
 *
 * Errors never include the secret, not even a part of it.
 */
export function secretToKeyBytes(secret: BubblehouseSecret): Uint8Array {
  if (isUint8Array(secret)) {
    if (secret.length === 0) {
      throw new TypeError('[referral-history] "secret" is empty: pass the API secret from the Bubblehouse API console.')
    }
    // A copy made in this realm: jose checks `instanceof Uint8Array`, which fails for bytes from
    // another realm (jsdom tests, iframes, vm contexts); the copy also ignores later mutation.
    return new Uint8Array(secret)
  }
  if (typeof secret !== 'string') {
    throw new TypeError(
      '[referral-history] "secret" must be a string (the base64 secret from the Bubblehouse API console) or a Uint8Array of the raw key bytes.',
    )
  }
  const compact = secret.trim().replace(/-/g, '+').replace(/_/g, '/')
  if (compact === '') {
    throw new TypeError('[referral-history] "secret" is empty: pass the API secret from the Bubblehouse API console.')
  }
  const padded = compact.replace(/=+$/, '')
  if (!BASE64.test(compact) || padded.length % 4 === 1) {
    throw new TypeError(
      '[referral-history] "secret" is not valid base64: paste the secret exactly as the Bubblehouse API console shows it, or pass the raw key bytes as a Uint8Array.',
    )
  }
  const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** `instanceof Uint8Array` across realms. */
function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]'
}
