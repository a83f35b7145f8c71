import type { IncomingMessage, ServerResponse } from 'node:http'
import { MOCK_KID, MOCK_SECRET, MOCK_SHOP } from '../mock-api/credentials'
import { mintCustomerToken } from '../server/mintCustomerToken'

export const DEV_TOKEN_PATH = '/dev-merchant/customer-token'

/** The session cookie of the dev storefront: the signed-in customer's ID, or `signed-out`. */
export const DEV_SESSION_COOKIE = 'dev_customer'

/**
 * What a merchant's server does for the widget's `token-url`: mint a short-lived customer token for
 * the signed-in shopper with `mintCustomerToken`. In a real store the customer comes from the
 * session; here from the `dev_customer` session cookie (a sign-out and sign-in without a page
 * load changes it), or the scenario picker names it (`?customer=typical`). Same-origin only, never
 * cached. Dev and test use only: it signs with the mock's dev secret.
 */
export function createDevMerchantTokenEndpoint(options: { expiresIn?: number } = {}) {
  return (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname !== DEV_TOKEN_PATH) {
      if (next) next()
      else {
        res.statusCode = 404
        res.end()
      }
      return
    }
    const customer = url.searchParams.get('customer') ?? sessionCustomer(req) ?? 'typical'
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Cache-Control', 'no-store')
    if (customer === 'signed-out') {
      res.statusCode = 401
      res.end(JSON.stringify({ error: 'not signed in' }))
      return
    }
    mintCustomerToken({ shop: MOCK_SHOP, customerId: customer, kid: MOCK_KID, secret: MOCK_SECRET, expiresIn: options.expiresIn ?? 900 })
      .then((token) => res.end(JSON.stringify({ token })))
      .catch(() => {
        res.statusCode = 500
        res.end(JSON.stringify({ error: 'could not mint a token' }))
      })
  }
}

function sessionCustomer(req: IncomingMessage): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=')
    if (name === DEV_SESSION_COOKIE && value) return decodeURIComponent(value)
  }
  return undefined
}
