// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { http, passthrough } from 'msw'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api/credentials'
import { createMockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'
import { createMockApiMiddleware } from '../../src/mock-api/node'
import { mockApiServer } from '../support/mockApiServer'

// Real HTTP on 127.0.0.1, as the e2e tests and the dev server use it. msw (set up for every unit
// test) must let these requests through to the socket.
const api = createMockBubblehouseApi({ slowDelayMs: 5_000 })
let server: Server
let origin: string
const nextCalls: string[] = []

beforeAll(async () => {
  const middleware = createMockApiMiddleware(api)
  server = createServer((req, res) => {
    middleware(req, res, () => {
      nextCalls.push(req.url ?? '')
      res.statusCode = 418
      res.end('not the API')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections() // fetch keeps connections alive; close() alone would wait for them
  await new Promise<void>((resolve) => server.close(() => resolve()))
})
beforeEach(() => {
  mockApiServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()))
  api.reset()
  nextCalls.length = 0
})

describe('the Node middleware', () => {
  describe('given a CORS preflight from the storefront', () => {
    it('answers 204 allowing the origin, POST and the Authorization header', async () => {
      const response = await fetch(`${origin}/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://shop.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
      expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST')
      expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/Authorization/)
      expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/Content-Type/)
      expect(api.requests).toEqual([])
    })
  })

  describe('given a cross-origin POST with a valid token', () => {
    it('answers the mock\u2019s JSON with CORS headers', async () => {
      const token = await mintMockCustomerToken('typical')
      const response = await fetch(`${origin}/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
        method: 'POST',
        headers: { Origin: 'https://shop.example', Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ deanonymize: true }),
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/json')
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
      expect(((await response.json()) as { referrals: unknown[] }).referrals.length).toBeGreaterThan(0)
      expect(api.requests).toEqual([expect.objectContaining({ status: 200, scenario: 'typical', deanonymizeRequested: true })])
    })
  })

  describe('given an error answer', () => {
    it('passes status and body through unchanged', async () => {
      const response = await fetch(`${origin}/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, { method: 'POST', body: '{}' })
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ id: 'invalid_token', message: 'The provided authentication token is invalid or has expired.' })
    })
  })

  describe('given a path that is not the API', () => {
    it('hands the request to next', async () => {
      const response = await fetch(`${origin}/index.html`)
      expect(response.status).toBe(418)
      expect(nextCalls).toEqual(['/index.html'])
    })
  })

  describe('given a client that hangs up on the slow customer', () => {
    it('stops waiting and logs the request as unanswered', async () => {
      const token = await mintMockCustomerToken('slow')
      const controller = new AbortController()
      const pending = fetch(`${origin}/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        signal: controller.signal,
      })
      // Give the request time to reach the mock and start waiting, then hang up.
      setTimeout(() => controller.abort(), 100)
      await expect(pending).rejects.toThrow()
      await vi.waitFor(() => expect(api.requests.map((request) => request.status)).toEqual([0]), { timeout: 2_000 })
    })
  })
})
