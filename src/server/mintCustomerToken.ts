import { SHOP_SLUG } from '../api/customerReferralsRequest'
import { ownOptions } from '../api/ownOptions'
import { signBubblehouseToken } from './signToken'
import { secretToKeyBytes, type BubblehouseSecret } from './tokenSecret'

/** Token lifetime when `expiresIn` is not given: one hour, as Bubblehouse's own plugins use. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600
/** The longest lifetime minted: 24 hours. A storefront token lives in the page, where any script
 * can read it; a longer one (or milliseconds passed as seconds: 900000 is ten days) is refused. */
export const MAX_TOKEN_LIFETIME_SECONDS = 86_400
/** The shortest secret accepted: 16 bytes (128 bits). A shorter one is a placeholder or a
 * password, not a console secret, and would let anyone forge tokens. */
export const MIN_SECRET_BYTES = 16

/** Options of {@link mintCustomerToken}. */
export interface MintCustomerTokenOptions {
  /** Shop slug as in the API URL, e.g. `my-shop`. */
  shop: string
  /** The shop's own ID of the signed-in customer (e.g. the Shopify customer ID). Only mint a token
   * for the customer your server has authenticated: the token grants access to their data. */
  customerId: string | number
  /** ID of the API secret in the Bubblehouse API console; sent as the JWT `kid` header. */
  kid: string
  /** The API secret: the base64 string the console shows (decoded before signing), or the raw
   * key bytes as a `Uint8Array`. Keep it on the server. */
  secret: BubblehouseSecret
  /** Lifetime: whole seconds from 1 to 86400 (default 3600), or a duration such as `'15m'`, `'2h'`,
   * `'1d'` that comes to whole seconds within 24 hours. Longer lifetimes are refused. */
  expiresIn?: number | string
  /** Clock used for `iat` and `exp`. Default: the current time. Meant for tests. */
  now?: Date
}

/**
 * Mints a Bubblehouse **customer token** for the referral-history widget: an HS256 JWT with
 * header `{ alg: 'HS256', kid, typ: 'JWT' }` and claims `aud: 'BH'`, `sub: '<shop>/<customerId>'`,
 * `iat` and `exp`.
 *
 * Server-only: it needs the API secret. Call it in an endpoint that knows who is signed in, and
 * hand the token to the widget (`token` prop, `getToken`, or the embed's `token-url`).
 *
 * @throws TypeError (message starts with `[referral-history]` and says the fix) when an option is
 * missing or invalid: a shop that is not a slug, a customer ID with `/`, control or bidi
 * characters, a secret under 16 bytes, a lifetime over 24 hours or not in whole seconds. Messages
 * never contain the secret. Options are read as own properties only.
 */
export async function mintCustomerToken(input: MintCustomerTokenOptions): Promise<string> {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(
      '[referral-history] mintCustomerToken needs an options object: mintCustomerToken({ shop, customerId, kid, secret }).',
    )
  }
  const options = ownOptions(input)
  const shop = requireShop(options.shop)
  const customerId = requireCustomerId(options.customerId)
  const kid = requireKid(options.kid)
  const key = secretToKeyBytes(options.secret)
  if (key.length < MIN_SECRET_BYTES) {
    throw new TypeError(
      `[referral-history] "secret" is too short (under ${MIN_SECRET_BYTES} bytes): pass the API secret from the Bubblehouse API console, never a password or a placeholder.`,
    )
  }
  const lifetime = lifetimeSeconds(options.expiresIn)
  const now = options.now ?? new Date()
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new TypeError('[referral-history] "now" must be a valid Date: leave it out to use the current time.')
  }
  const issuedAt = Math.floor(now.getTime() / 1000)
  return signBubblehouseToken({
    subject: `${shop}/${customerId}`,
    audience: 'BH',
    kid,
    key,
    issuedAt,
    expiresAt: issuedAt + lifetime,
  })
}

function requireShop(shop: unknown): string {
  if (typeof shop !== 'string' || shop.trim() === '') {
    throw new TypeError('[referral-history] "shop" is required: pass the Bubblehouse shop slug, e.g. shop: "my-shop".')
  }
  // The shop is the part of `sub` before the first slash; a slash, a dot segment, a space or an
  // invisible character would name another shop, or one that looks like this one.
  if (!SHOP_SLUG.test(shop)) {
    throw new TypeError(
      '[referral-history] "shop" must be the shop slug alone (letters, digits, "-" and "_"; no "/" or spaces), e.g. shop: "my-shop", as in the API URL.',
    )
  }
  return shop
}

function requireCustomerId(customerId: unknown): string {
  if (typeof customerId === 'number') {
    if (!Number.isSafeInteger(customerId) || customerId < 0) {
      throw new TypeError(
        '[referral-history] "customerId" must be a non-negative whole number or a string: pass the shop\'s customer ID as a string if it does not fit in a JavaScript number.',
      )
    }
    return String(customerId)
  }
  if (typeof customerId !== 'string' || customerId.trim() === '') {
    throw new TypeError(
      '[referral-history] "customerId" is required: pass the shop\'s ID of the signed-in customer, e.g. customerId: "1234".',
    )
  }
  if (customerId !== customerId.trim()) {
    throw new TypeError('[referral-history] "customerId" has leading or trailing spaces: trim it before minting the token.')
  }
  // `sub` is `<shop>/<customerId>`: a slash would let a customer ID name a path of its own
  // (`12/../other-shop/99`), and control or bidirectional-override characters make one ID look
  // like another in logs and consoles.
  if (/[/\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(customerId)) {
    throw new TypeError(
      '[referral-history] "customerId" must not contain "/", control characters or bidirectional-text controls: pass the shop\'s plain customer ID, e.g. customerId: "1234".',
    )
  }
  return customerId
}

function requireKid(kid: unknown): string {
  if (typeof kid !== 'string' || kid.trim() === '') {
    throw new TypeError(
      '[referral-history] "kid" is required: pass the ID of the API secret from the Bubblehouse API console.',
    )
  }
  return kid
}

const DURATION = /^(\d+(?:\.\d+)?) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)$/i
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }

/** Seconds from `expiresIn`: whole seconds (JWT times are whole seconds), 1 to 24 hours. */
function lifetimeSeconds(expiresIn: unknown): number {
  if (expiresIn === undefined) return DEFAULT_TOKEN_LIFETIME_SECONDS
  let seconds: number
  if (typeof expiresIn === 'number') {
    seconds = expiresIn
  } else if (typeof expiresIn === 'string' && DURATION.test(expiresIn.trim())) {
    const [, amount = '', unit = ''] = DURATION.exec(expiresIn.trim()) ?? []
    // 'min…' and 'm' are minutes; the first letter picks the unit for every accepted spelling.
    seconds = Number(amount) * (UNIT_SECONDS[unit.charAt(0).toLowerCase()] ?? Number.NaN)
  } else {
    seconds = Number.NaN
  }
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new TypeError(
      '[referral-history] "expiresIn" must be a positive number of seconds (e.g. 3600) or a duration such as "15m": leave it out for the default of one hour.',
    )
  }
  if (seconds > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new TypeError(
      '[referral-history] "expiresIn" is longer than 24 hours (86400 seconds; a value in milliseconds?): storefront tokens must be short-lived, e.g. expiresIn: "15m".',
    )
  }
  if (!Number.isInteger(seconds)) {
    throw new TypeError('[referral-history] "expiresIn" must come to whole seconds (JWT times are whole seconds), e.g. 900 or "15m".')
  }
  return seconds
}
