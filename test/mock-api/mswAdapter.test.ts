import { BubblehouseApiError } from '../../src/api/BubblehouseApiError'
import { fetchCustomerReferrals } from '../../src/api/fetchCustomerReferrals'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api/credentials'
import { testApi } from '../support/mockApiServer'

// These go through the real `fetch` in jsdom, intercepted by msw (test/support/mockApiServer.ts)
// and answered by the shared test instance: they prove the msw adapter and the widget's wrapper
// agree with the mock.
describe('fetchCustomerReferrals against the mock API through msw', () => {
  describe('given a valid customer token for the typical customer', () => {
    it('resolves with the parsed, masked history and the server totals', async () => {
      const token = await mintMockCustomerToken('typical')
      const history = await fetchCustomerReferrals({ shop: MOCK_SHOP, token })
      expect(history.referrals.length).toBeGreaterThan(10)
      expect(history.referrals.map((row) => row.destination)).toContain('j***@e***.com')
      expect(history.totals).toMatchObject({ sent: 15, approved: 6 })
      expect(testApi.requests).toEqual([expect.objectContaining({ method: 'POST', scenario: 'typical', status: 200 })])
    })
  })

  describe('given an expired token', () => {
    it('rejects with BubblehouseApiError 401 invalid_token', async () => {
      const token = await mintMockCustomerToken('typical', { expiresIn: -60 })
      const error = await fetchCustomerReferrals({ shop: MOCK_SHOP, token }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(BubblehouseApiError)
      expect(error).toMatchObject({ status: 401, code: 'invalid_token' })
    })
  })

  describe('given the rate-limited customer', () => {
    it('rejects with code rate_limit_exceeded and no retry-after', async () => {
      const token = await mintMockCustomerToken('rate-limited')
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token })).rejects.toMatchObject({
        status: 429,
        code: 'rate_limit_exceeded',
        retryAfterSeconds: null,
      })
    })
  })

  describe('given the html-error customer', () => {
    it('rejects with malformed_response and the proxy\u2019s status', async () => {
      const token = await mintMockCustomerToken('html-error')
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token })).rejects.toMatchObject({ status: 502, code: 'malformed_response' })
    })
  })

  describe('given the malformed customer', () => {
    it('rejects with malformed_response', async () => {
      const token = await mintMockCustomerToken('malformed')
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token })).rejects.toMatchObject({ status: 200, code: 'malformed_response' })
    })
  })

  describe('given an unknown API version', () => {
    it('rejects with invalid_global_api_version', async () => {
      const token = await mintMockCustomerToken('typical')
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiVersion: 'v1999' })).rejects.toMatchObject({
        status: 400,
        code: 'invalid_global_api_version',
      })
    })
  })

  describe('given the rate-limited-once customer', () => {
    it('fails once, then succeeds, within one test (the instance is reset between tests)', async () => {
      const token = await mintMockCustomerToken('rate-limited-once')
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token })).rejects.toMatchObject({ code: 'rate_limit_exceeded' })
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token })).resolves.toMatchObject({ totals: { sent: 15 } })
      expect(testApi.requests.map((request) => request.status)).toEqual([429, 200])
    })

    it('starts over in the next test', async () => {
      const token = await mintMockCustomerToken('rate-limited-once')
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token })).rejects.toMatchObject({ code: 'rate_limit_exceeded' })
    })
  })
})
