import { SCENARIOS } from './scenarios'
import type { CustomerIdentity } from './readRequestParams'

/**
 * The mock shop's customers. Every shop customer ID exists (an unknown one is simply a customer
 * with no referrals); its Bubblehouse ID and e-mail derive from the ID, so a `customer` parameter
 * can be checked against the token the way the real API does.
 */
export interface MockCustomer {
  shopid: string
  bhid: string
  email: string
}

/** Domain of every mock customer's e-mail: `<shop customer id>@customers.example`. */
const EMAIL_DOMAIN = '@customers.example'

/** The mock customer with this shop customer ID. */
export function mockCustomer(shopid: string): MockCustomer {
  return { shopid, bhid: bubbleflakeFor(shopid), email: `${shopid}${EMAIL_DOMAIN}` }
}

/** A stable 16-hex-digit "bubbleflake" (two FNV-1a 32-bit hashes): opaque, like the real IDs. */
function bubbleflakeFor(text: string): string {
  const fnv1a = (seed: number) => {
    let hash = seed >>> 0
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
    return hash.toString(16).padStart(8, '0')
  }
  return fnv1a(0x811c9dc5) + fnv1a(0x9e3779b9)
}

/** Whether every field the identity gives matches the customer (e-mail case-insensitively). */
export function identityMatches(identity: CustomerIdentity, customer: MockCustomer): boolean {
  return (
    (identity.shopid === undefined || identity.shopid === customer.shopid) &&
    (identity.bhid === undefined || identity.bhid === customer.bhid) &&
    (identity.email === undefined || identity.email.toLowerCase() === customer.email.toLowerCase())
  )
}

/**
 * Finds the customer a shop token asks for: by `shopid`, else by `email`, else by `bhid` (only
 * scenario customers can be found by `bhid`: the mock keeps no list of other customers).
 * `null` when nobody matches the first field it can look up.
 */
export function findCustomer(identity: CustomerIdentity): MockCustomer | null {
  if (identity.shopid !== undefined) return mockCustomer(identity.shopid)
  if (identity.email !== undefined) {
    const email = identity.email.toLowerCase()
    return email.endsWith(EMAIL_DOMAIN) && email.length > EMAIL_DOMAIN.length
      ? mockCustomer(identity.email.slice(0, -EMAIL_DOMAIN.length))
      : null
  }
  if (identity.bhid !== undefined) {
    const scenario = SCENARIOS.find(({ id }) => bubbleflakeFor(id) === identity.bhid)
    return scenario ? mockCustomer(scenario.id) : null
  }
  return null
}
