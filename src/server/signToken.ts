import { SignJWT } from 'jose'

/**
 * Everything that goes into a Bubblehouse token, with nothing checked or defaulted.
 *
 * This is the low-level signer shared by `mintCustomerToken` (which validates its input) and the
 * mock API's test helpers (which deliberately mint broken tokens: wrong audience, already expired).
 * Browser-safe: jose only.
 */
export interface BubblehouseTokenFields {
  /** `sub` claim: `<shop>` (shop token) or `<shop>/<customer id>` (customer token). */
  subject: string
  /** `aud` claim; the API requires `"BH"`. */
  audience: string
  /** `kid` header: selects which of the shop's secrets verifies the token. */
  kid: string
  /** HMAC key bytes (already base64-decoded, see `secretToKeyBytes`). */
  key: Uint8Array
  /** `iat`, seconds since the epoch. */
  issuedAt: number
  /** `exp`, seconds since the epoch; `null` leaves `exp` out (the API then never expires it). */
  expiresAt: number | null
  /** More claims, e.g. `l` (access level) or `ce` (customer e-mail). Cannot override the above. */
  extraClaims?: Readonly<Record<string, string | number | boolean>>
}

/** Signs an HS256 JWT with header `{ alg: 'HS256', kid, typ: 'JWT' }` (the header Bubblehouse's
 * own plugins send). */
export async function signBubblehouseToken(fields: BubblehouseTokenFields): Promise<string> {
  const jwt = new SignJWT({ ...fields.extraClaims })
    .setProtectedHeader({ alg: 'HS256', kid: fields.kid, typ: 'JWT' })
    .setAudience(fields.audience)
    .setSubject(fields.subject)
    .setIssuedAt(fields.issuedAt)
  if (fields.expiresAt !== null) jwt.setExpirationTime(fields.expiresAt)
  return jwt.sign(fields.key)
}
