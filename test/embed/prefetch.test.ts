import { customerReferralsInit, customerReferralsUrl, type PrefetchedRequests } from '../../src/api/customerReferralsRequest'
import { fetchWithEarlyRequests, forgetEarlyRequests, releaseEarlyRequest } from '../../src/embed/earlyRequests'
import { startPrefetch } from '../../src/embed/prefetch'

describe('the loader’s prefetch of the API request', () => {
  let fetchSpy: ReturnType<typeof vi.fn>
  beforeEach(() => {
    fetchSpy = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      setTimeout(() => resolve(new Response('{"referrals":[]}')), 10)
    }))
    vi.stubGlobal('fetch', fetchSpy)
  })
  afterEach(() => vi.unstubAllGlobals())

  const url = customerReferralsUrl({ shop: 'my-shop', apiBaseUrl: '/api' })
  const element = (attributes: Record<string, string>) => {
    const host = document.createElement('div')
    for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value)
    return host
  }

  it('starts the request the fetch wrapper would make, once per URL and token, and hands it out once', async () => {
    const requests: PrefetchedRequests = new Map()
    const key = startPrefetch(requests, element({ shop: ' my-shop ', token: 'jwt', 'api-base-url': '/api' }))
    expect(startPrefetch(requests, element({}), { shop: 'my-shop', token: 'jwt', apiBaseUrl: '/api/' })).toBe(key)
    expect(fetchSpy).toHaveBeenCalledTimes(1)
    const [calledUrl, init] = fetchSpy.mock.calls[0] as [string, RequestInit]
    expect(calledUrl).toBe(url)
    expect(init).toMatchObject({ method: 'POST', body: '{}', credentials: 'omit', referrerPolicy: 'no-referrer' })
    expect(init.headers).toMatchObject({ Authorization: 'Bearer jwt' })

    // The widget's fetch answers with it: once, for this very request only.
    const send = fetchWithEarlyRequests(requests)
    expect(await send(url, customerReferralsInit('jwt', '{}'))).toBeInstanceOf(Response)
    expect(fetchSpy).toHaveBeenCalledTimes(1)
    await send(url, customerReferralsInit('jwt', '{}'))
    await send(url, customerReferralsInit('other-token', '{}'))
    await send(url, customerReferralsInit('jwt', '{"deanonymize":true}'))
    expect(fetchSpy).toHaveBeenCalledTimes(4)
    // A remount of the same customer does not ask again: the query cache answers it.
    startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt', 'api-base-url': '/api' }))
    expect(fetchSpy).toHaveBeenCalledTimes(4)
  })

  it('reads the props given to mount() instead of the attributes when there are props', () => {
    const requests: PrefetchedRequests = new Map()
    startPrefetch(requests, element({ shop: 'attribute-shop', token: 'attribute-jwt' }), { shop: 'my-shop', token: 'jwt', apiBaseUrl: '/api', apiVersion: 'v9' })
    expect(fetchSpy.mock.calls[0]?.[0]).toBe(customerReferralsUrl({ shop: 'my-shop', apiBaseUrl: '/api', apiVersion: 'v9' }))
  })

  it('aborts a request nobody took when its widget goes away, and leaves a taken one alone', async () => {
    const requests: PrefetchedRequests = new Map()
    const untakenKey = startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt', 'api-base-url': '/api' }))
    const untaken = fetchSpy.mock.results[0]?.value as Promise<Response>
    releaseEarlyRequest(requests, untakenKey)
    await expect(untaken).rejects.toThrow('aborted')
    expect(requests.size).toBe(0)

    const takenKey = startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt2', 'api-base-url': '/api' }))
    const taken = fetchWithEarlyRequests(requests)(url, customerReferralsInit('jwt2', '{}'))
    releaseEarlyRequest(requests, takenKey)
    await expect(taken).resolves.toBeInstanceOf(Response)
  })

  it('aborts and forgets every early request nobody took on a reset', async () => {
    const requests: PrefetchedRequests = new Map()
    startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt', 'api-base-url': '/api' }))
    const untaken = fetchSpy.mock.results[0]?.value as Promise<Response>
    forgetEarlyRequests(requests)
    await expect(untaken).rejects.toThrow('aborted')
    expect(requests.size).toBe(0)
  })

  it('starts nothing without a shop or a token (token-url widgets wait for the main chunk), nor for an unusable base URL', () => {
    const requests: PrefetchedRequests = new Map()
    expect(startPrefetch(requests, element({ shop: 'my-shop', token: '  ' }))).toBeUndefined()
    expect(startPrefetch(requests, element({ token: 'jwt' }))).toBeUndefined()
    expect(startPrefetch(requests, element({}), { shop: 'my-shop', token: 42 })).toBeUndefined()
    expect(startPrefetch(requests, element({}), null)).toBeUndefined()
    expect(startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt', 'api-base-url': '//[bad' }))).toBeUndefined()
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('sends the token early only to the Bubblehouse API or the page’s own origin, and only for a slug and a version', () => {
    const requests: PrefetchedRequests = new Map()
    // Another origin (markup may not name one; JavaScript may, and the main chunk then asks itself).
    expect(startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt', 'api-base-url': 'https://collector.example/api' }))).toBeUndefined()
    expect(startPrefetch(requests, element({}), { shop: 'my-shop', token: 'jwt', apiBaseUrl: 'https://collector.example/api' })).toBeUndefined()
    // An injected <base href> does not move a relative base off the page.
    const base = document.createElement('base')
    base.href = 'https://collector.example/'
    document.head.append(base)
    try {
      expect(startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt', 'api-base-url': '/api' }))).toBeUndefined()
    } finally {
      base.remove()
    }
    // Path walking: the shop and the version are one URL segment each.
    const walks: Record<string, string>[] = [{ shop: '..' }, { shop: '.' }, { shop: 'a/../b' }, { 'api-version': '..' }, { 'api-version': 'v1/..' }]
    for (const attributes of walks) {
      expect(startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt', ...attributes }))).toBeUndefined()
    }
    expect(fetchSpy).not.toHaveBeenCalled()
    startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt' }))
    startPrefetch(requests, element({ shop: 'my-shop', token: 'jwt2', 'api-base-url': `${location.origin}/proxy` }))
    expect(fetchSpy.mock.calls.map(([url]) => url)).toEqual([
      'https://app.bubblehouse.com/api/v2023061/my-shop/CustomerReferrals2',
      `${location.origin}/proxy/v2023061/my-shop/CustomerReferrals2`,
    ])
  })
})
