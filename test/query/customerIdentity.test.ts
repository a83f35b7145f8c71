import { customerIdentityOfToken } from '../../src/query/customerIdentity'

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
