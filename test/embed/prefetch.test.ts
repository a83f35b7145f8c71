import { customerReferralsUrl, setPrefetchedRequests, takePrefetchedRequest } from '../../src/api/customerReferralsRequest'
import { createPrefetcher } from '../../src/embed/prefetch'

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

  it('starts the request the fetch wrapper would make, once per URL and token, and hands it out once', async () => {
    const prefetcher = createPrefetcher()
    prefetcher.start({ shop: ' my-shop ', token: 'jwt', apiBaseUrl: '/api' })
    prefetcher.start({ shop: 'my-shop', token: 'jwt', apiBaseUrl: '/api/' })
    expect(fetchSpy).toHaveBeenCalledTimes(1)
    const [calledUrl, init] = fetchSpy.mock.calls[0] as [string, RequestInit]
    expect(calledUrl).toBe(url)
    expect(init).toMatchObject({ method: 'POST', body: '{}', credentials: 'omit', referrerPolicy: 'no-referrer' })
    expect(init.headers).toMatchObject({ Authorization: 'Bearer jwt' })

    setPrefetchedRequests(prefetcher)
    expect(takePrefetchedRequest(url, 'other-token')).toBeUndefined()
    const taken = takePrefetchedRequest(url, 'jwt')
    expect(await taken?.response).toBeInstanceOf(Response)
    expect(takePrefetchedRequest(url, 'jwt')).toBeUndefined()
    // A remount of the same customer does not ask again: the query cache answers it.
    prefetcher.start({ shop: 'my-shop', token: 'jwt', apiBaseUrl: '/api' })
    expect(fetchSpy).toHaveBeenCalledTimes(1)
  })

  it('aborts a request nobody took when its widget goes away, and leaves a taken one alone', async () => {
    const prefetcher = createPrefetcher()
    const release = prefetcher.start({ shop: 'my-shop', token: 'jwt', apiBaseUrl: '/api' })
    const untaken = (fetchSpy.mock.results[0]?.value as Promise<Response>)
    release()
    await expect(untaken).rejects.toThrow('aborted')

    const releaseTaken = prefetcher.start({ shop: 'my-shop', token: 'jwt2', apiBaseUrl: '/api' })
    const taken = prefetcher.take(url, 'jwt2')
    releaseTaken()
    await expect(taken?.response).resolves.toBeInstanceOf(Response)
  })

  it('starts nothing without a shop or a token (token-url widgets wait for the main chunk)', () => {
    const prefetcher = createPrefetcher()
    prefetcher.start({ shop: 'my-shop', token: '  ' })
    prefetcher.start({ token: 'jwt' })
    prefetcher.start({ shop: 'my-shop', token: 42 })
    expect(fetchSpy).not.toHaveBeenCalled()
  })
})
