import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api/credentials'
import { createMockBubblehouseApi, type MockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'
import { SCENARIOS } from '../../src/mock-api/scenarios'

async function askFor(api: MockBubblehouseApi, customerId: string, signal?: AbortSignal): Promise<Response> {
  const token = await mintMockCustomerToken(customerId)
  return api.handle(
    new Request(`https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
      signal,
    }),
  )
}

describe('scenario customers', () => {
  it('lists every scenario once, each with a description for the demo picker', () => {
    const ids = SCENARIOS.map((scenario) => scenario.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([
      'typical', 'empty', 'many', 'rate-limited', 'rate-limited-once', 'slow', 'server-error',
      'flaky', 'malformed', 'malformed-rows', 'html-error', 'leaky-emails', 'unknown-values', 'rate-limited-after-first', 'two-friends', 'long-values',
    ])
    for (const scenario of SCENARIOS) expect(scenario.description.length).toBeGreaterThan(10)
  })

  describe('given the rate-limited customer', () => {
    it('answers 429 rate_limit_exceeded every time, without a Retry-After header', async () => {
      const api = createMockBubblehouseApi()
      for (let attempt = 0; attempt < 3; attempt++) {
        const response = await askFor(api, 'rate-limited')
        expect(response.status).toBe(429)
        expect(response.headers.get('Retry-After')).toBeNull()
        expect(response.headers.get('Content-Type')).toBe('application/json')
        expect(await response.json()).toEqual({ id: 'rate_limit_exceeded', message: expect.any(String) })
      }
    })
  })

  describe('given the rate-limited-once customer', () => {
    it('answers 429 to the first request, then 200 with the history', async () => {
      const api = createMockBubblehouseApi()
      expect((await askFor(api, 'rate-limited-once')).status).toBe(429)
      const second = await askFor(api, 'rate-limited-once')
      expect(second.status).toBe(200)
      expect(((await second.json()) as { referrals: unknown[] }).referrals.length).toBeGreaterThan(0)
    })

    it('counts per mock instance, so a fresh or reset instance starts over', async () => {
      const api = createMockBubblehouseApi()
      await askFor(api, 'rate-limited-once')
      expect((await askFor(createMockBubblehouseApi(), 'rate-limited-once')).status).toBe(429)
      api.reset()
      expect((await askFor(api, 'rate-limited-once')).status).toBe(429)
    })
  })

  describe('given the rate-limited-after-first customer', () => {
    it('answers the history to the first request, then 429 rate_limit_exceeded every time', async () => {
      const api = createMockBubblehouseApi()
      const first = await askFor(api, 'rate-limited-after-first')
      expect(first.status).toBe(200)
      expect(((await first.json()) as { referrals: unknown[] }).referrals.length).toBeGreaterThan(0)
      for (let attempt = 0; attempt < 2; attempt++) {
        const later = await askFor(api, 'rate-limited-after-first')
        expect(later.status).toBe(429)
        expect(((await later.json()) as { id: string }).id).toBe('rate_limit_exceeded')
      }
    })
  })

  describe('given the long-values customer', () => {
    it('answers its already masked long destinations as stored, never a full address', async () => {
      const response = await askFor(createMockBubblehouseApi(), 'long-values')
      expect(response.status).toBe(200)
      const body = (await response.json()) as { referrals: { destination: string | null; coupon_code: string | null }[] }
      const destinations = body.referrals.map((row) => row.destination ?? '')
      expect(destinations.every((destination) => destination.length > 30 && destination.includes('•'))).toBe(true)
      expect(body.referrals.some((row) => (row.coupon_code ?? '').length > 50)).toBe(true)
    })
  })

  describe('given the flaky customer', () => {
    it('answers 503 to the first request, then 200', async () => {
      const api = createMockBubblehouseApi()
      const first = await askFor(api, 'flaky')
      expect(first.status).toBe(503)
      expect(((await first.json()) as { id: string }).id).toBe('service_unavailable')
      expect((await askFor(api, 'flaky')).status).toBe(200)
    })
  })

  describe('given the server-error customer', () => {
    it('answers 500 internal_error with the documented body shape', async () => {
      const response = await askFor(createMockBubblehouseApi(), 'server-error')
      expect(response.status).toBe(500)
      expect(await response.json()).toEqual({ id: 'internal_error', message: expect.any(String) })
    })
  })

  describe('given the html-error customer', () => {
    it('answers 502 with a proxy\u2019s HTML page instead of JSON', async () => {
      const response = await askFor(createMockBubblehouseApi(), 'html-error')
      expect(response.status).toBe(502)
      expect(response.headers.get('Content-Type')).toBe('text/html')
      expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
    })
  })

  describe('given the slow customer', () => {
    it('answers only after the configured delay', async () => {
      const api = createMockBubblehouseApi({ slowDelayMs: 150 })
      const started = performance.now()
      const response = await askFor(api, 'slow')
      expect(response.status).toBe(200)
      expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    })

    it('stops waiting when the caller aborts, and logs the request with status 0', async () => {
      const api = createMockBubblehouseApi({ slowDelayMs: 60_000 })
      const controller = new AbortController()
      const pending = askFor(api, 'slow', controller.signal)
      setTimeout(() => controller.abort(new Error('gave up')), 20)
      await expect(pending).rejects.toThrow('gave up')
      expect(api.requests.map((request) => request.status)).toEqual([0])
    })
  })

  describe('given a customer who is not a scenario', () => {
    it('answers 200 with an empty history, like a real customer with no referrals', async () => {
      const response = await askFor(createMockBubblehouseApi(), 'customer-4711')
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ referrals: [] })
    })
  })
})
