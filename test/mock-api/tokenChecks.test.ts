import { mintCustomerToken } from '../../src/server'
import { signBubblehouseToken } from '../../src/server/signToken'
import { MOCK_KID, MOCK_SECRET, MOCK_SHOP, mintMockCustomerToken, mintMockShopToken } from '../../src/mock-api/credentials'
import { createMockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'
import { mockCustomer } from '../../src/mock-api/mockCustomers'

const URL_FOR_MOCK_SHOP = `https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`
const INVALID_TOKEN_BODY = {
  id: 'invalid_token',
  message: 'The provided authentication token is invalid or has expired.',
}

function postReferrals(token: string | null, body: unknown = {}): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token !== null) headers.Authorization = `Bearer ${token}`
  return new Request(URL_FOR_MOCK_SHOP, { method: 'POST', headers, body: JSON.stringify(body) })
}

describe('the mock API checks tokens like the real API', () => {
  describe('given a customer token minted by mintCustomerToken with the mock credentials', () => {
    it('answers 200 with the customer\u2019s referrals', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintCustomerToken({ shop: MOCK_SHOP, customerId: 'typical', kid: MOCK_KID, secret: MOCK_SECRET, expiresIn: 60 })
      const response = await api.handle(postReferrals(token))
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/json')
      const body = (await response.json()) as { referrals: unknown[] }
      expect(body.referrals.length).toBeGreaterThan(0)
    })
  })

  describe('given a token without exp', () => {
    it('accepts it, since the docs say such a token never expires', async () => {
      const api = createMockBubblehouseApi()
      const token = await signBubblehouseToken({
        subject: `${MOCK_SHOP}/typical`,
        audience: 'BH',
        kid: MOCK_KID,
        key: Uint8Array.from(atob(MOCK_SECRET), (char) => char.charCodeAt(0)),
        issuedAt: Math.floor(Date.now() / 1000),
        expiresAt: null,
      })
      expect((await api.handle(postReferrals(token))).status).toBe(200)
    })
  })

  describe.each([
    ['an expired token', () => mintMockCustomerToken('typical', { expiresIn: -60 })],
    ['a token for another audience', () => mintMockCustomerToken('typical', { audience: 'not-BH' })],
    ['a token with an unknown kid', () => mintMockCustomerToken('typical', { kid: 'someone-elses-key' })],
    ['a token signed with another secret', () => mintMockCustomerToken('typical', { secret: btoa('a different secret, same kid') })],
    ['a token signed with the base64 text instead of the decoded secret', () =>
      mintMockCustomerToken('typical', { secret: Uint8Array.from(MOCK_SECRET, (char) => char.charCodeAt(0)) })],
    ['a customer token for another shop', () => mintMockCustomerToken('typical', { shop: 'other-shop' })],
    ['a shop token for another shop', () => mintMockShopToken({ shop: 'other-shop' })],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
  ])('given %s', (_case, mint) => {
    it('answers 401 invalid_token with the documented body', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(postReferrals(await mint()))
      expect(response.status).toBe(401)
      expect(response.headers.get('Content-Type')).toBe('application/json')
      expect(await response.json()).toEqual(INVALID_TOKEN_BODY)
    })
  })

  describe('given no Authorization header', () => {
    it('answers 401 invalid_token', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(postReferrals(null))
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual(INVALID_TOKEN_BODY)
    })
  })

  describe('given a token in another scheme than Bearer', () => {
    it('answers 401 invalid_token', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const request = new Request(URL_FOR_MOCK_SHOP, { method: 'POST', headers: { Authorization: `Token ${token}` }, body: '{}' })
      expect((await api.handle(request)).status).toBe(401)
    })
  })

  describe('given a token for a known shop but a request for another shop', () => {
    it('answers 401 invalid_token: that shop has no secret the token could match', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const request = new Request('https://app.bubblehouse.com/api/v2023061/other-shop/CustomerReferrals2', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: '{}',
      })
      expect((await api.handle(request)).status).toBe(401)
    })
  })

  describe('given a shop token', () => {
    it('answers 400 missing_customer_identity when no customer is named', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(postReferrals(await mintMockShopToken()))
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ id: 'missing_customer_identity', message: expect.any(String) })
    })

    it('answers that customer\u2019s history when the customer parameter names one', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(postReferrals(await mintMockShopToken(), { customer: { shopid: 'typical' } }))
      expect(response.status).toBe(200)
      expect(api.requests[0]?.scenario).toBe('typical')
    })

    it('finds a scenario customer by e-mail or Bubblehouse ID too', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockShopToken()
      await api.handle(postReferrals(token, { customer: { email: mockCustomer('many').email } }))
      await api.handle(postReferrals(token, { customer: { bhid: mockCustomer('empty').bhid } }))
      expect(api.requests.map((request) => [request.status, request.scenario])).toEqual([
        [200, 'many'],
        [200, 'empty'],
      ])
    })

    it('answers 404 empty_customer_identity when the customer parameter names nobody', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(postReferrals(await mintMockShopToken(), { customer: {} }))
      expect(response.status).toBe(404)
      expect(((await response.json()) as { id: string }).id).toBe('empty_customer_identity')
    })

    it('answers 404 customer_identity_partially_mismatches_matched_customer when fields disagree', async () => {
      const api = createMockBubblehouseApi()
      const customer = { shopid: 'typical', email: mockCustomer('empty').email }
      const response = await api.handle(postReferrals(await mintMockShopToken(), { customer }))
      expect(response.status).toBe(404)
      expect(((await response.json()) as { id: string }).id).toBe('customer_identity_partially_mismatches_matched_customer')
    })
  })

  describe('given a customer token and a customer parameter for another customer', () => {
    it('answers 403 customer_identity_does_not_match_token', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const response = await api.handle(postReferrals(token, { customer: { shopid: 'empty' } }))
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({ id: 'customer_identity_does_not_match_token', message: expect.any(String) })
    })
  })

  describe('given a customer token and a customer parameter naming the same customer', () => {
    it('answers 200 (discouraged by the docs, but allowed)', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const customer = { shopid: 'typical', email: mockCustomer('typical').email.toUpperCase() }
      expect((await api.handle(postReferrals(token, { customer }))).status).toBe(200)
    })
  })

  describe('given a clock option', () => {
    it('judges exp by that clock', async () => {
      const minted = new Date('2025-06-15T12:00:00Z')
      const token = await mintMockCustomerToken('typical', { expiresIn: 60, now: minted })
      const beforeExpiry = createMockBubblehouseApi({ now: () => new Date(minted.getTime() + 59_000) })
      const afterExpiry = createMockBubblehouseApi({ now: () => new Date(minted.getTime() + 60_000) })
      expect((await beforeExpiry.handle(postReferrals(token))).status).toBe(200)
      expect((await afterExpiry.handle(postReferrals(token))).status).toBe(401)
    })
  })
})
