import { http, HttpResponse } from 'msw'
import { BubblehouseApiError } from '../../src/api/BubblehouseApiError'
import { customerReferralsUrl, fetchCustomerReferrals, PARSE_IN_OWN_TASK_ABOVE } from '../../src/api/fetchCustomerReferrals'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api'
import { mockApiServer, testApi } from '../support/mockApiServer'

const API = 'https://api.test/api'

// Yields to the page as usual, but lets a test act at the first yield after the answer arrived.
const atYield = vi.hoisted(() => ({ run: undefined as (() => void) | undefined }))
vi.mock('../../src/scheduling/yieldToMainThread', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/scheduling/yieldToMainThread')>()
  return {
    yieldToMainThread: () => {
      atYield.run?.()
      return real.yieldToMainThread()
    },
  }
})
afterEach(() => {
  atYield.run = undefined
  vi.restoreAllMocks()
})

/** A long history's answer (5,000 rows: about 400 KB of JSON, its rows checked in slices). */
function longAnswer(rows = 5_000): string {
  const row = { referral_bhid: 'a', channel: 'sms', status: 'invited', sent_at: '2024-05-01T12:00:00Z' }
  return JSON.stringify({ referrals: Array.from({ length: rows }, (_, index) => ({ ...row, referral_bhid: `send-${index}` })) })
}

async function captureNextRequest(): Promise<() => Request> {
  let captured: Request | undefined
  const listener = ({ request }: { request: Request }) => {
    captured = request.clone()
  }
  mockApiServer.events.on('request:start', listener)
  return () => {
    mockApiServer.events.removeListener('request:start', listener)
    if (!captured) throw new Error('no request was made')
    return captured
  }
}

async function expectApiError(promise: Promise<unknown>, expected: { status: number; code: string }) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(BubblehouseApiError)
  expect(error).toMatchObject(expected)
  return error as BubblehouseApiError
}

describe('fetchCustomerReferrals', () => {
  describe('given a valid customer token', () => {
    it('POSTs JSON to {apiBaseUrl}/{apiVersion}/{shop}/CustomerReferrals2 with a Bearer header', async () => {
      const token = await mintMockCustomerToken('typical')
      const takeRequest = await captureNextRequest()
      const result = await fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API })
      const request = takeRequest()

      expect(request.method).toBe('POST')
      expect(request.url).toBe(`${API}/v2023061/demo-shop/CustomerReferrals2`)
      expect(request.headers.get('authorization')).toBe(`Bearer ${token}`)
      expect(request.headers.get('content-type')).toBe('application/json')
      expect(await request.json()).toEqual({})
      expect(request.url).not.toContain(token)
      expect(result.referrals.length).toBeGreaterThan(10)
      expect(result.totals).not.toBeNull()
    })

    it('sends deanonymize only when explicitly asked', async () => {
      const token = await mintMockCustomerToken('typical')
      const takeRequest = await captureNextRequest()
      await fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API, deanonymize: true })
      expect(await takeRequest().json()).toEqual({ deanonymize: true })
    })

    it('builds no URL from a shop that is not a slug, so it cannot add or walk path segments', () => {
      expect(customerReferralsUrl({ shop: MOCK_SHOP, apiBaseUrl: `${API}/`, apiVersion: 'v2023061' })).toBe(
        `${API}/v2023061/${MOCK_SHOP}/CustomerReferrals2`,
      )
      expect(() => customerReferralsUrl({ shop: '../admin?x=1', apiBaseUrl: `${API}/`, apiVersion: 'v2023061' })).toThrow(
        '[referral-history] "shop" must be a shop slug',
      )
    })
  })

  describe('given an expired token', () => {
    it('throws BubblehouseApiError 401 invalid_token without the token in the message', async () => {
      const token = await mintMockCustomerToken('typical', { expiresIn: -60 })
      const error = await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API }), {
        status: 401,
        code: 'invalid_token',
      })
      expect(error.message).not.toContain(token)
    })
  })

  describe('given API errors', () => {
    it('maps 429 to rate_limit_exceeded', async () => {
      const token = await mintMockCustomerToken('rate-limited')
      await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API }), {
        status: 429,
        code: 'rate_limit_exceeded',
      })
    })

    it('maps an unknown API version to invalid_global_api_version', async () => {
      const token = await mintMockCustomerToken('typical')
      await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API, apiVersion: 'v1999' }), {
        status: 400,
        code: 'invalid_global_api_version',
      })
    })

    it('reads a Retry-After header if the API ever sends one', async () => {
      mockApiServer.use(
        http.post('*/CustomerReferrals2', () =>
          HttpResponse.json({ id: 'rate_limit_exceeded' }, { status: 429, headers: { 'Retry-After': '12' } }),
        ),
      )
      const error = await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API }), {
        status: 429,
        code: 'rate_limit_exceeded',
      })
      expect(error.retryAfterSeconds).toBe(12)
    })

    it('strips e-mail addresses and tokens from the server message', async () => {
      mockApiServer.use(
        http.post('*/CustomerReferrals2', () =>
          HttpResponse.json({ id: 'weird', message: 'friend@example.com used eyJabc.def.ghi' }, { status: 400 }),
        ),
      )
      const error = await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API }), {
        status: 400,
        code: 'weird',
      })
      expect(error.message).not.toContain('friend@example.com')
      expect(error.message).not.toContain('eyJabc')
    })
  })

  describe('given a broken answer', () => {
    it('turns an HTML proxy error page into malformed_response with the HTTP status', async () => {
      const token = await mintMockCustomerToken('html-error')
      await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API }), {
        status: 502,
        code: 'malformed_response',
      })
    })

    it('turns a body that is not a referrals list into malformed_response naming the field', async () => {
      const token = await mintMockCustomerToken('malformed')
      const error = await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API }), {
        status: 200,
        code: 'malformed_response',
      })
      expect(error.message).toContain('at "referrals"')
    })

    it('keeps the readable rows of an answer with a few malformed ones, and names the others', async () => {
      const token = await mintMockCustomerToken('malformed-rows')
      const result = await fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API })
      expect(result.referrals.length).toBeGreaterThan(10)
      expect(result.invalidRows?.map((row) => row.field)).toEqual(['sent_at', 'reward_pts', 'reward_amount'])
    })

    it('leaves out a bad row deep in a long history and keeps the others', async () => {
      const row = { referral_bhid: 'a', channel: 'sms', status: 'invited', sent_at: '2024-05-01T12:00:00Z' }
      const referrals: unknown[] = Array.from({ length: 3_000 }, () => row)
      referrals[2_400] = { ...row, status: 7 }
      mockApiServer.use(http.post('*/CustomerReferrals2', () => HttpResponse.json({ referrals })))
      const result = await fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API })
      expect(result.referrals).toHaveLength(2_999)
      expect(result.invalidRows).toEqual([{ index: 2_400, field: 'status', expected: 'string' }])
    })

    it('stops reading an answer larger than 16 MB, with response_too_large (the stream cancel itself is checked in readCappedText.test.ts)', async () => {
      const chunk = new TextEncoder().encode(`{"referrals":[${'0,'.repeat(512 * 1024)}`)
      mockApiServer.use(
        http.post('*/CustomerReferrals2', () =>
          new HttpResponse(
            new ReadableStream<Uint8Array>({
              pull: (controller) => controller.enqueue(chunk),
            }),
            { headers: { 'Content-Type': 'application/json' } },
          ),
        ),
      )
      const error = await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API }), {
        status: 200,
        code: 'response_too_large',
      })
      expect(error.message).toContain('16 MB')
    })

    it('turns truncated JSON into malformed_response', async () => {
      mockApiServer.use(
        http.post('*/CustomerReferrals2', () => new HttpResponse('{"referrals":[{"referral_bh', { status: 200 })),
      )
      await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API }), {
        status: 200,
        code: 'malformed_response',
      })
    })

    it('turns a long answer with a stray comma into malformed_response', async () => {
      const text = longAnswer().replace(/\]\}$/, ',]}')
      mockApiServer.use(http.post('*/CustomerReferrals2', () => new HttpResponse(text, { status: 200 })))
      const error = await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API }), {
        status: 200,
        code: 'malformed_response',
      })
      expect(error.message).toContain('not JSON')
    })

    it('parses an answer over 1 MB a task after reading it, and a shorter one at once', async () => {
      const parse = vi.spyOn(JSON, 'parse')
      // Every slice of checks is over its budget at once, so the shorter answer yields at its first
      // pause after the parse, whatever this machine's speed.
      let clock = 0
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100))
      for (const [rows, parsedAtOnce] of [[15_000, false], [5_000, true]] as const) {
        const text = longAnswer(rows)
        expect(text.length > PARSE_IN_OWN_TASK_ABOVE).toBe(!parsedAtOnce)
        mockApiServer.use(http.post('*/CustomerReferrals2', () => new HttpResponse(text, { status: 200 })))
        const parsed = () => parse.mock.calls.some(([argument]) => argument === text)
        let parsedByFirstYield: boolean | undefined
        atYield.run = () => void (parsedByFirstYield ??= parsed())
        const history = await fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API })
        expect(parsedByFirstYield, `${rows} rows`).toBe(parsedAtOnce)
        expect(history.referrals).toHaveLength(rows)
      }
    })

    it('reads every row of a long answer', async () => {
      mockApiServer.use(http.post('*/CustomerReferrals2', () => new HttpResponse(longAnswer(), { status: 200 })))
      const result = await fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API })
      expect(result.referrals.map((referral) => referral.referral_bhid)).toEqual(Array.from({ length: 5_000 }, (_, index) => `send-${index}`))
    })
  })

  describe('given no network', () => {
    it('throws network_error with status 0', async () => {
      mockApiServer.use(http.post('*/CustomerReferrals2', () => HttpResponse.error()))
      await expectApiError(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API }), {
        status: 0,
        code: 'network_error',
      })
    })
  })

  describe('given an aborted request', () => {
    it('rejects with the abort reason, not an API error', async () => {
      const token = await mintMockCustomerToken('slow')
      const controller = new AbortController()
      const promise = fetchCustomerReferrals({ shop: MOCK_SHOP, token, apiBaseUrl: API, signal: controller.signal })
      controller.abort()
      const error = await promise.catch((reason: unknown) => reason)
      expect(error).not.toBeInstanceOf(BubblehouseApiError)
      expect((error as Error).name).toBe('AbortError')
      expect(testApi.requests.every((request) => request.status !== 200)).toBe(true)
    })

    it('rejects with the abort reason wherever it aborts while checking the rows, and yields no more', async () => {
      mockApiServer.use(http.post('*/CustomerReferrals2', () => new HttpResponse(longAnswer(), { status: 200 })))
      // Every slice is over its budget at once, so the check yields at each pause of its rows.
      let clock = 0
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100))
      let total = 0
      atYield.run = () => void (total += 1)
      await fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API })
      // 5,000 rows, a pause every 16, and one more yield at the end.
      expect(total).toBeGreaterThan(300)

      // Aborted at the first, a middle and the last yield: a check that did not stop at its next
      // slice would yield again, or resolve.
      for (const at of [0, Math.floor(total / 2), total - 1]) {
        const controller = new AbortController()
        const reason = new DOMException(`aborted at yield ${at + 1}`, 'AbortError')
        let yields = 0
        atYield.run = () => {
          yields += 1
          if (yields === at + 1) controller.abort(reason)
        }
        await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API, signal: controller.signal })).rejects.toBe(reason)
        // A task later: a check still running after the rejection would have yielded again by now.
        await new Promise((resolve) => setTimeout(resolve, 0))
        expect(yields, `aborted at yield ${at + 1} of ${total}`).toBe(at + 1)
      }
    })

    it('rejects with the abort reason when it aborts between reading a long answer and parsing it', async () => {
      const text = longAnswer(15_000)
      mockApiServer.use(http.post('*/CustomerReferrals2', () => new HttpResponse(text, { status: 200 })))
      const parse = vi.spyOn(JSON, 'parse')
      const controller = new AbortController()
      const reason = new DOMException('aborted before parsing', 'AbortError')
      atYield.run = () => controller.abort(reason)
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API, signal: controller.signal })).rejects.toBe(reason)
      expect(parse.mock.calls.some(([argument]) => argument === text)).toBe(false)
    })

    it('rejects with the abort reason when it aborts while the body is still arriving', async () => {
      const controller = new AbortController()
      const reason = new DOMException('aborted while reading', 'AbortError')
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(new TextEncoder().encode('{"referrals": ['))
        },
        pull(stream) {
          controller.abort(reason)
          stream.enqueue(new TextEncoder().encode('{}, '))
        },
      })
      const send = () => Promise.resolve(new Response(body, { status: 200 }))
      await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiBaseUrl: API, signal: controller.signal, fetch: send })).rejects.toBe(reason)
    })
  })
})
