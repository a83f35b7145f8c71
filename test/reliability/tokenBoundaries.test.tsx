/** @vitest-environment-options { "url": "https://shop.example/account" } */
import { QueryClient } from '@tanstack/react-query'
import { configure, render, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { API_VERSION, SHOP_SLUG, VERSION_AND_SHOP } from '../../src/api/customerReferralsRequest'
import { customerReferralsUrl, fetchCustomerReferrals } from '../../src/api/fetchCustomerReferrals'
import { defineReferralHistoryElement } from '../../src/embed/defineReferralHistoryElement'
import { readEmbedProps } from '../../src/embed/embedProps'
import { ELEMENT_NAME } from '../../src/embed/types'
import { MOCK_ADMIN_LEVEL, MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api'
import { getSharedQueryClient } from '../../src/query/sharedQueryClient'
import { ReferralHistory } from '../../src/views/ReferralHistory'
import { resetReportedMessages } from '../../src/views/reportOnce'
import { resolveConfig } from '../../src/views/resolveConfig'
import { mockApiServer, testApi } from '../support/mockApiServer'

/**
 * Where the shopper's token may go. The page is https://shop.example (see the docblock above);
 * the token must only ever reach the Bubblehouse API, the page's own origin, or an origin the
 * merchant's own JavaScript chose. Markup (which an injection can write without script) may not
 * choose one.
 */

const COLLECTOR = 'https://collector.example'
const TOKEN_PATH = '/apps/bubblehouse/customer-token'

beforeAll(() => {
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: false })
  configure({ asyncUtilTimeout: 5_000 })
  defineReferralHistoryElement(
    () => import('../../src/embed/main'),
    'test',
    (_element, onNear) => {
      let watching = true
      queueMicrotask(() => watching && onNear())
      return () => (watching = false)
    },
  )
})
beforeEach(() => resetReportedMessages())
afterEach(() => {
  document.body.replaceChildren()
  document.head.querySelectorAll('base').forEach((base) => base.remove())
  getSharedQueryClient().clear()
  vi.restoreAllMocks()
})

const stateOf = (host: Element) => host.shadowRoot?.querySelector('.bh-rh')?.getAttribute('data-state') ?? null

function addElement(attributes: Record<string, string>): HTMLElement {
  const element = document.createElement(ELEMENT_NAME)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  document.body.append(element)
  return element
}

/** Every URL the page fetches (the loader's early request, token-url, the API). */
function recordFetches(): string[] {
  const urls: string[] = []
  const original = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    urls.push(input instanceof Request ? input.url : String(input))
    return original(input, init)
  })
  return urls
}

describe('api-base-url from markup', () => {
  const fromMarkup = (apiBaseUrl: string) => resolveConfig({ shop: 'my-shop', token: 't', apiBaseUrl, configSource: 'attributes' }).problem

  it.each([
    'https://app.bubblehouse.com/api',
    '/apps/bubblehouse/api',
    'https://shop.example/proxy/api',
    'http://localhost:8787/api',
    'http://127.0.0.1:4173/api',
    'http://127.12.0.3/api',
    'http://[::1]:8080/api',
  ])('allows %s (Bubblehouse, the page itself, or a loopback host)', (apiBaseUrl) => {
    expect(fromMarkup(apiBaseUrl)).toBeNull()
  })

  it.each([
    'https://collector.example/api',
    '//collector.example/api',
    'http://collector.example/api',
    'http://shop.example/api',
    'https://app.bubblehouse.com.collector.example/api',
    'https://app.bubblehouse.com@collector.example/api',
    'http://127.0.0.1.collector.example/api',
    'https://bubblehouse.com/api',
  ])('refuses %s, naming api-base-url and the fix', (apiBaseUrl) => {
    const problem = fromMarkup(apiBaseUrl)
    expect(problem).toMatch(/^\[referral-history\] "api-base-url" must be on https:\/\/app\.bubblehouse\.com or on this page's origin/)
    expect(problem).toContain('only be set from JavaScript')
  })

  it('compares a relative base with the page’s origin, not with an injected <base href>', () => {
    const base = document.createElement('base')
    base.href = `${COLLECTOR}/`
    document.head.append(base)
    expect(fromMarkup('/api')).toContain('not https://collector.example')
  })

  it('from JavaScript also allows another https origin, but never plain http elsewhere than loopback or the page', () => {
    const fromScript = (apiBaseUrl: string) => resolveConfig({ shop: 'my-shop', token: 't', apiBaseUrl }).problem
    expect(fromScript(`${COLLECTOR}/api`)).toBeNull()
    expect(fromScript('http://localhost:8787/api')).toBeNull()
    expect(fromScript('http://collector.example/api')).toMatch(/^\[referral-history\] "apiBaseUrl" must use https:/)
  })

  it('on the element: no request at all (not the early one, not token-url), a console error and the config notice', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const urls = recordFetches()
    const token = await mintMockCustomerToken('typical')
    const withToken = addElement({ shop: MOCK_SHOP, token, 'api-base-url': `${COLLECTOR}/api` })
    const withTokenUrl = addElement({ shop: MOCK_SHOP, 'token-url': TOKEN_PATH, 'api-base-url': `${COLLECTOR}/api` })
    await waitFor(() => expect(stateOf(withToken)).toBe('config-error'))
    await waitFor(() => expect(stateOf(withTokenUrl)).toBe('config-error'))
    expect(withToken.shadowRoot?.textContent).toContain('"api-base-url" must be on https://app.bubblehouse.com')
    expect(errors.mock.calls.flat().join('\n')).toMatch(/\[referral-history\] "api-base-url" must be on/)
    expect(errors.mock.calls.flat().join('\n')).not.toContain(token)
    expect(urls).toEqual([])
    expect(testApi.requests).toHaveLength(0)
  })

  it('the same origin set from JavaScript (mount) is the merchant’s choice and is used', async () => {
    const urls = recordFetches()
    const element = document.createElement(ELEMENT_NAME)
    document.body.append(element)
    const api = (window as unknown as { BubblehouseReferralHistory: { mount: (e: HTMLElement, p: object) => unknown } }).BubblehouseReferralHistory
    api.mount(element, { shop: MOCK_SHOP, token: await mintMockCustomerToken('typical'), apiBaseUrl: 'https://api.test/api' })
    await waitFor(() => expect(stateOf(element)).toBe('ready'))
    expect(urls).toEqual([`https://api.test/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`])
  })
})

describe('shop and api-version', () => {
  it.each([
    ['..', undefined],
    ['.', undefined],
    ['my-shop/../other', undefined],
    ['my-shop?x=1', undefined],
    ['%2e%2e', undefined],
    ['-shop', undefined],
    [MOCK_SHOP, '..'],
    [MOCK_SHOP, 'v2023061/..'],
    [MOCK_SHOP, '2023061'],
    [MOCK_SHOP, 'v2023061?x'],
  ])('shop %j with version %j builds no URL (a TypeError that names the fix)', (shop, apiVersion) => {
    expect(() => customerReferralsUrl({ shop, apiVersion })).toThrow(/^\[referral-history\] "(shop|apiVersion)" (\(attribute api-version\) )?must be/)
  })

  it('the loader’s one-regex check agrees with the two the main chunk applies', () => {
    const shops = ['my-shop', 'my_shop', 'Shop9', '_x', '..', '.', '-a', 'a/b', 'a?b', 'a b', 'a\u202e', '', 'a.b']
    const versions = ['v2023061', 'v20230601', 'v1', 'V1', 'v', '..', 'v1/..', 'v1?x', '2023061', '']
    for (const shop of shops) {
      for (const version of versions) {
        expect(VERSION_AND_SHOP.test(`${version}/${shop}`), `${version}/${shop}`).toBe(API_VERSION.test(version) && SHOP_SLUG.test(shop))
      }
    }
  })

  it('a slug and a version build the URL, unchanged', () => {
    expect(customerReferralsUrl({ shop: 'my_shop-2', apiVersion: 'v20230601' })).toBe(
      'https://app.bubblehouse.com/api/v20230601/my_shop-2/CustomerReferrals2',
    )
  })

  it.each([
    [{ shop: '..' }, /"shop" must be a shop slug/],
    [{ 'api-version': '..' }, /"apiVersion" \(attribute api-version\) must be "v" followed by digits/],
  ])('markup %j sends nothing and shows the config notice', async (attributes, message) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const urls = recordFetches()
    const element = addElement({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical'), ...attributes })
    await waitFor(() => expect(stateOf(element)).toBe('config-error'))
    expect(element.shadowRoot?.textContent).toMatch(message)
    expect(urls).toEqual([])
  })

  it('fetchCustomerReferrals rejects a path-walking shop before anything is sent', async () => {
    const urls = recordFetches()
    await expect(fetchCustomerReferrals({ shop: '..', token: 't' })).rejects.toThrow(TypeError)
    await expect(fetchCustomerReferrals({ shop: MOCK_SHOP, token: 't', apiVersion: '..' })).rejects.toThrow(TypeError)
    expect(urls).toEqual([])
  })
})

describe('given another script polluted Object.prototype', () => {
  const polluted = { apiBaseUrl: `${COLLECTOR}/api`, deanonymize: true, getToken: () => 'attacker-token' }
  beforeEach(() => {
    for (const [name, value] of Object.entries(polluted)) {
      Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true, enumerable: false })
    }
  })
  afterEach(() => {
    for (const name of Object.keys(polluted)) delete (Object.prototype as Record<string, unknown>)[name]
  })

  it('the component still asks the Bubblehouse API, without deanonymize, and masks addresses', async () => {
    const urls = recordFetches()
    const token = await mintMockCustomerToken('leaky-emails', { level: MOCK_ADMIN_LEVEL })
    const view = render(
      <ReferralHistory shop={MOCK_SHOP} token={token} locale="en-US" timeZone="UTC" loadingDelayMs={0} isolation="none" queryClient={new QueryClient()} />,
    )
    await waitFor(() => expect(view.container.querySelector('.bh-rh')).toHaveAttribute('data-state', 'ready'))
    expect(urls).toEqual([`https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`])
    expect(testApi.requests.map((request) => request.deanonymizeRequested)).toEqual([false])
    expect(view.container.textContent).toContain('ja•••@ex•••.com')
  })

  it('fetchCustomerReferrals and the embed’s props read own options only', async () => {
    const urls = recordFetches()
    await fetchCustomerReferrals({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical') })
    expect(urls).toEqual([`https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`])
    expect(testApi.requests.map((request) => request.deanonymizeRequested)).toEqual([false])
    expect(Object.hasOwn(readEmbedProps({ shop: MOCK_SHOP }), 'getToken')).toBe(false)
  })
})

describe('token-url answers with a redirect', () => {
  it('to the store’s login page: the sign-in-again state, not an error', async () => {
    mockApiServer.use(http.get(`https://shop.example${TOKEN_PATH}`, () => new HttpResponse(null, { status: 302, headers: { Location: '/account/login' } })))
    const element = addElement({ shop: MOCK_SHOP, 'token-url': TOKEN_PATH })
    await waitFor(() => expect(stateOf(element)).toBe('invalid-token'))
    expect(testApi.requests).toHaveLength(0)
  })

  it('to another origin that hands out a token: the redirect is not followed and that token is never used', async () => {
    const foreignToken = await mintMockCustomerToken('typical')
    const urls = recordFetches()
    mockApiServer.use(
      http.get(`https://shop.example${TOKEN_PATH}`, () => new HttpResponse(null, { status: 302, headers: { Location: `${COLLECTOR}/token` } })),
      http.get(`${COLLECTOR}/token`, () => HttpResponse.json({ token: foreignToken })),
    )
    const element = addElement({ shop: MOCK_SHOP, 'token-url': TOKEN_PATH })
    await waitFor(() => expect(stateOf(element)).toBe('invalid-token'))
    expect(urls).toEqual([`https://shop.example${TOKEN_PATH}`])
    expect(testApi.requests).toHaveLength(0)
  })
})
