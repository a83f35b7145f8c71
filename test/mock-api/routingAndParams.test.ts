import { MOCK_SHOP, mintMockCustomerToken, mintMockShopToken } from '../../src/mock-api/credentials'
import { createMockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'

const API_BASE = 'https://app.bubblehouse.com/api'

describe('the mock API routes and reads requests like the real API', () => {
  describe('given an unknown global API version', () => {
    it('answers 400 invalid_global_api_version with the documented body', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const response = await api.handle(
        new Request(`${API_BASE}/v1999/${MOCK_SHOP}/CustomerReferrals2`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{}',
        }),
      )
      expect(response.status).toBe(400)
      expect(response.headers.get('Content-Type')).toBe('application/json')
      const body: unknown = await response.json()
      expect(body).toEqual({ id: 'invalid_global_api_version', message: expect.any(String) })
      expect(Object.keys(body as object)).toEqual(['id', 'message'])
    })

    it('checks the version before the token (a bad token still gets the version error)', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(new Request(`${API_BASE}/v1999/${MOCK_SHOP}/CustomerReferrals2`, { method: 'POST' }))
      expect(response.status).toBe(400)
    })
  })

  describe.each(['v2023061', 'v20230601'])('given the documented version %s', (version) => {
    it('answers 200', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const response = await api.handle(
        new Request(`${API_BASE}/${version}/${MOCK_SHOP}/CustomerReferrals2`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body: '{}',
        }),
      )
      expect(response.status).toBe(200)
    })
  })

  describe('given another base path and origin (a local proxy)', () => {
    it('matches on the path suffix and answers 200', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const response = await api.handle(
        new Request(`http://127.0.0.1:4173/bubblehouse/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        }),
      )
      expect(response.status).toBe(200)
    })
  })

  describe('given another API call', () => {
    it('answers 404 not_found', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(new Request(`${API_BASE}/v2023061/${MOCK_SHOP}/Status2`, { method: 'POST' }))
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ id: 'not_found', message: expect.any(String) })
    })
  })

  describe('given a PUT', () => {
    it('answers 405 method_not_allowed with an Allow header', async () => {
      const api = createMockBubblehouseApi()
      const response = await api.handle(new Request(`${API_BASE}/v2023061/${MOCK_SHOP}/CustomerReferrals2`, { method: 'PUT' }))
      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe('GET, POST')
    })
  })

  describe('given a GET with parameters in the query string', () => {
    it('reads them: a shop token names its customer with customer[shopid]', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockShopToken()
      const response = await api.handle(
        new Request(`${API_BASE}/v2023061/${MOCK_SHOP}/CustomerReferrals2?customer[shopid]=typical`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
      )
      expect(response.status).toBe(200)
      expect(api.requests[0]).toMatchObject({ method: 'GET', scenario: 'typical' })
    })
  })

  describe('given a form-encoded body', () => {
    it('reads it: the customer parameter as a JSON string', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockShopToken()
      const response = await api.handle(
        new Request(`${API_BASE}/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ customer: JSON.stringify({ shopid: 'empty' }), deanonymize: 'true' }).toString(),
        }),
      )
      expect(response.status).toBe(200)
      expect(api.requests[0]).toMatchObject({ scenario: 'empty', deanonymizeRequested: true })
    })
  })

  describe('given a body that is not JSON', () => {
    it('answers 400 invalid_request', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const response = await api.handle(
        new Request(`${API_BASE}/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{"deanonymize": tru',
        }),
      )
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ id: 'invalid_request', message: expect.any(String) })
    })
  })

  describe('given an empty POST body', () => {
    it('treats it as no parameters and answers 200', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('typical')
      const response = await api.handle(
        new Request(`${API_BASE}/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        }),
      )
      expect(response.status).toBe(200)
    })
  })
})
