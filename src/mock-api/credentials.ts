import { mintCustomerToken } from '../server/mintCustomerToken'
import { signBubblehouseToken } from '../server/signToken'
import { secretToKeyBytes, type BubblehouseSecret } from '../server/tokenSecret'

/** Shop slug the mock API knows out of the box. */
export const MOCK_SHOP = 'demo-shop'
/** `kid` of the mock shop's one API secret. */
export const MOCK_KID = 'mock-dev-key-1'
/**
 * The mock shop's API secret, base64 like the Bubblehouse console shows one.
 * DEV ONLY: it is public (it ships in this repository and in Storybook) and the real API has
 * never heard of it. It decodes to the ASCII text "mock-bubblehouse-secret-dev-only!".
 */
export const MOCK_SECRET = 'bW9jay1idWJibGVob3VzZS1zZWNyZXQtZGV2LW9ubHkh'

/**
 * Value of the JWT `l` (level) claim that the mock treats as a customer-admin token. The docs say
 * `l` picks admin vs customer level but the exact value was not retrieved: `'admin'` is a guess.
 */
export const MOCK_ADMIN_LEVEL = 'admin'

/** Overrides for the mock token helpers. The defaults mint a valid token for the mock shop. */
export interface MockTokenOptions {
  /** Seconds until `exp` (default 3600). Zero or negative mints an already expired token. */
  expiresIn?: number
  shop?: string
  kid?: string
  secret?: BubblehouseSecret
  /** `aud` claim; anything but `'BH'` makes the API refuse the token. */
  audience?: string
  /** `l` claim (access level), e.g. {@link MOCK_ADMIN_LEVEL}. Absent by default. */
  level?: string
  /** Clock for `iat`/`exp`. Default: now. */
  now?: Date
}

/**
 * Mints a customer token (`sub: '<shop>/<customerId>'`) the mock API accepts, or, with overrides,
 * one it must refuse. Pass a scenario ID (see `SCENARIOS`) to pick the mock's behaviour.
 * Valid tokens go through the real `mintCustomerToken`, so the mock proves that helper's output.
 */
export async function mintMockCustomerToken(customerId: string, options: MockTokenOptions = {}): Promise<string> {
  const shop = options.shop ?? MOCK_SHOP
  const kid = options.kid ?? MOCK_KID
  const secret = options.secret ?? MOCK_SECRET
  const expiresIn = options.expiresIn ?? 3600
  const audience = options.audience ?? 'BH'
  const ordinary = audience === 'BH' && expiresIn > 0 && options.level === undefined
  if (ordinary) return mintCustomerToken({ shop, customerId, kid, secret, expiresIn, now: options.now })
  return signMockToken(`${shop}/${customerId}`, { ...options, kid, secret, expiresIn, audience })
}

/** Mints a shop token (`sub: '<shop>'`): it may read any customer, named by the `customer` param. */
export async function mintMockShopToken(options: MockTokenOptions = {}): Promise<string> {
  return signMockToken(options.shop ?? MOCK_SHOP, options)
}

async function signMockToken(subject: string, options: MockTokenOptions): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000)
  return signBubblehouseToken({
    subject,
    audience: options.audience ?? 'BH',
    kid: options.kid ?? MOCK_KID,
    key: secretToKeyBytes(options.secret ?? MOCK_SECRET),
    issuedAt,
    expiresAt: issuedAt + (options.expiresIn ?? 3600),
    extraClaims: options.level === undefined ? undefined : { l: options.level },
  })
}
