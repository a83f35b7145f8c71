import { customerIdentityOfToken, isTokenExpired, TOKEN_EXPIRY_MARGIN_MS } from '../../src/query/customerIdentity'

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const jwt = (claims: unknown) => `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`

describe('customerIdentityOfToken', () => {
  it('names the customer of a JWT by its sub, the same for a refreshed token', () => {
    const first = jwt({ sub: 'my-shop/1234', iat: 1, exp: 2 })
    const refreshed = jwt({ sub: 'my-shop/1234', iat: 100, exp: 200 })
    expect(customerIdentityOfToken(first)).toBe('sub:my-shop/1234')
    expect(customerIdentityOfToken(refreshed)).toBe(customerIdentityOfToken(first))
  })

  it('decodes a sub with non-ASCII characters and base64url padding removed', () => {
    expect(customerIdentityOfToken(jwt({ sub: 'boutique-é/client-ü?>' }))).toBe('sub:boutique-é/client-ü?>')
  })

  it('keeps anything that is not a JWT with a sub out of the key, as a short fingerprint', () => {
    for (const token of ['not-a-jwt', 'a.b', 'a.!!!.c', jwt([1, 2]), jwt({ sub: '' }), jwt({ sub: 42 }), 'a.b.c.d.e']) {
      const identity = customerIdentityOfToken(token)
      expect(identity).toMatch(/^opaque:[0-9a-z]+$/)
      expect(identity).not.toContain(token)
    }
    expect(customerIdentityOfToken('token-one')).not.toBe(customerIdentityOfToken('token-two'))
  })
})

describe('isTokenExpired', () => {
  const now = Date.UTC(2026, 11, 3, 12)
  const seconds = (ms: number) => Math.floor(ms / 1000)

  it('says a token whose exp has passed is expired', () => {
    expect(isTokenExpired(jwt({ sub: 'my-shop/1', exp: seconds(now) - 60 }), now)).toBe(true)
  })

  it('counts a token that expires within the safety margin as expired, and one after it as valid', () => {
    expect(isTokenExpired(jwt({ sub: 'my-shop/1', exp: seconds(now + TOKEN_EXPIRY_MARGIN_MS / 2) }), now)).toBe(true)
    expect(isTokenExpired(jwt({ sub: 'my-shop/1', exp: seconds(now + TOKEN_EXPIRY_MARGIN_MS) + 60 }), now)).toBe(false)
  })

  it('leaves tokens without a readable exp to the API', () => {
    for (const token of ['not-a-jwt', jwt({ sub: 'my-shop/1' }), jwt({ sub: 'my-shop/1', exp: '1' }), jwt([1])]) {
      expect(isTokenExpired(token, now)).toBe(false)
    }
  })
})
