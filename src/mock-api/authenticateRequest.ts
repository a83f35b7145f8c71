import { jwtVerify, type JWTHeaderParameters } from 'jose'
import { secretToKeyBytes, type BubblehouseSecret } from '../server/tokenSecret'

/** Who a valid token speaks for. */
export type TokenIdentity =
  | { kind: 'customer'; customerId: string; level: string | null }
  | { kind: 'shop'; level: string | null }

/**
 * Checks `Authorization: Bearer <jwt>` the way the real API does (apidocs/calling/auth):
 * HS256 signed with one of the shop's secrets, chosen by the `kid` header; `aud` must be `"BH"`;
 * `sub` must be this shop (shop token) or `<this shop>/<customer id>` (customer token); `exp`, when
 * present, must be in the future (a token without `exp` never expires, as documented).
 * Returns `null` for every failure: the API answers them all with the same 401 `invalid_token`,
 * so the reason is never revealed.
 *
 * A missing or empty token is refused too. The docs say anonymous read calls see an empty customer
 * state, but the newest CustomerReferrals2 render lists only customer and shop tokens, and a
 * widget that forgot its token should see the sign-in-again state rather than a fake empty history.
 */
export async function authenticateRequest(
  request: Request,
  shop: string,
  secretsByKid: Readonly<Record<string, BubblehouseSecret>>,
  now: Date,
): Promise<TokenIdentity | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '')
  const token = match?.[1]
  if (token === undefined) return null

  let payload: Record<string, unknown>
  try {
    const verified = await jwtVerify(token, (header: JWTHeaderParameters) => keyFor(header.kid, secretsByKid), {
      algorithms: ['HS256'],
      audience: 'BH',
      currentDate: now,
    })
    payload = verified.payload
  } catch {
    return null
  }

  const level = typeof payload.l === 'string' ? payload.l : null
  const subject = payload.sub
  if (typeof subject !== 'string') return null
  if (subject === shop) return { kind: 'shop', level }
  const prefix = `${shop}/`
  if (!subject.startsWith(prefix) || subject.length === prefix.length) return null
  return { kind: 'customer', customerId: subject.slice(prefix.length), level }
}

function keyFor(kid: string | undefined, secretsByKid: Readonly<Record<string, BubblehouseSecret>>): Uint8Array {
  // Own properties only: a `kid` such as "__proto__" or "toString" must not find anything.
  const secret = kid !== undefined && Object.hasOwn(secretsByKid, kid) ? secretsByKid[kid] : undefined
  if (secret === undefined) throw new Error('unknown kid')
  return secretToKeyBytes(secret)
}
