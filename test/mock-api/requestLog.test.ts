import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api/credentials'
import { createMockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'

describe('the request log', () => {
  describe('given requests with valid, expired and query-string tokens', () => {
    it('records method, path, customer, scenario and status, and never the token', async () => {
      const api = createMockBubblehouseApi()
      const valid = await mintMockCustomerToken('typical')
      const expired = await mintMockCustomerToken('typical', { expiresIn: -1 })
      const url = `https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`
      await api.handle(new Request(url, { method: 'POST', headers: { Authorization: `Bearer ${valid}` }, body: '{}' }))
      await api.handle(new Request(url, { method: 'POST', headers: { Authorization: `Bearer ${expired}` }, body: '{}' }))
      // A token in the URL (the docs' truncated `auth` alternative) is neither honoured nor logged.
      await api.handle(new Request(`${url}?auth=${valid}`, { method: 'GET' }))

      expect(api.requests).toEqual([
        { method: 'POST', path: `/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, customerId: 'typical', scenario: 'typical', status: 200, deanonymizeRequested: false },
        { method: 'POST', path: `/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, customerId: null, scenario: null, status: 401, deanonymizeRequested: false },
        { method: 'GET', path: `/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, customerId: null, scenario: null, status: 401, deanonymizeRequested: false },
      ])
      const logged = JSON.stringify(api.requests)
      for (const token of [valid, expired]) {
        expect(logged).not.toContain(token)
        expect(logged).not.toContain(token.split('.')[2])
      }
    })
  })

  describe('given a reset', () => {
    it('starts an empty log', async () => {
      const api = createMockBubblehouseApi()
      const token = await mintMockCustomerToken('empty')
      await api.handle(
        new Request(`https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        }),
      )
      expect(api.requests).toHaveLength(1)
      api.reset()
      expect(api.requests).toEqual([])
    })
  })

  it('hands out a snapshot that later requests do not change', async () => {
    const api = createMockBubblehouseApi()
    const before = api.requests
    await api.handle(new Request(`https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, { method: 'POST' }))
    expect(before).toEqual([])
    expect(api.requests).toHaveLength(1)
  })
})
