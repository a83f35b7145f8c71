// Mints a customer token with the installed `/server` subpath in Node and checks its header and
// claims (decoded by hand: the consumer does not depend on jose itself).
import { mintCustomerToken } from 'bubblehouse-referral-history/server'

const token = await mintCustomerToken({ shop: 'my-shop', customerId: 1234, kid: 'key-id', secret: 'c2VjcmV0LWtleS1ieXRlcw==', expiresIn: 600 })
const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')))
const problems = []
if (header.alg !== 'HS256' || header.kid !== 'key-id') problems.push(`header ${JSON.stringify(header)}`)
if (claims.aud !== 'BH' || claims.sub !== 'my-shop/1234') problems.push(`aud/sub ${claims.aud} ${claims.sub}`)
if (claims.exp - claims.iat !== 600) problems.push(`lifetime ${claims.exp - claims.iat}`)
if (problems.length) throw new Error(`minted token is wrong: ${problems.join('; ')}`)
console.log('server ok: minted an HS256 token with kid, aud BH, sub my-shop/1234, 600 s lifetime')
