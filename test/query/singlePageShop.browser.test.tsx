import { act, cleanup, render, waitFor } from '@testing-library/react'
import { MOCK_SHOP, mintMockCustomerToken, TYPICAL_REFERRALS, UNKNOWN_VALUES_REFERRALS, type MockBubblehouseApi } from '../../src/mock-api'
import { resetReferralHistory } from '../../src/views/resetReferralHistory'
import { ReferralHistory } from '../../src/views/ReferralHistory'
import { FAST_RETRIES, installMockApi, TEST_API_BASE_URL } from '../a11y/support/widgetInBrowser'

// The npm component in a single-page React shop, in Chromium, with the widget's own page-wide
// QueryClient (no `queryClient` prop: how shops use it). The shop's getToken asks "the server" for
// the token of whoever its session says is signed in, as a token endpoint would. (The script-tag
// embed's flow, with a real session cookie and token endpoint, is test/e2e/singlePageShop.spec.ts.)
const ALICE = 'typical'
const BOB = 'unknown-values'

let api: MockBubblehouseApi
let sessionCustomer = ''
let tokenRequests = 0
let sentTokens: string[] = []

function signIn(customer: string): void {
  sessionCustomer = customer
}

async function getToken(): Promise<string> {
  tokenRequests++
  return mintMockCustomerToken(sessionCustomer)
}

function AccountPage() {
  return (
    <ReferralHistory
      shop={MOCK_SHOP}
      getToken={getToken}
      tokenSourceKey="account-page"
      apiBaseUrl={TEST_API_BASE_URL}
      locale="en-US"
      timeZone="UTC"
      loadingDelayMs={0}
      retryPolicy={FAST_RETRIES}
    />
  )
}

const shadow = (container: HTMLElement) => container.querySelector('[data-bh-rh-host]')!.shadowRoot!
const widgetState = (container: HTMLElement) => shadow(container).querySelector('.bh-rh')?.getAttribute('data-state')
const rowCount = (container: HTMLElement) => shadow(container).querySelectorAll('tr[data-status]').length
/** The friends and coupon codes a customer's view shows: what identifies their history. */
const markers = (container: HTMLElement) =>
  [...shadow(container).querySelectorAll('.bh-rh-friend-name[dir="auto"], .bh-rh-coupon-code')].map((node) => node.textContent ?? '')

/** Records, every animation frame until stopped, any marker on screen. */
function watchScreenFor(watched: string[]): { stop: () => string[] } {
  const seen = new Set<string>()
  let frame = 0
  const check = () => {
    const text = [...document.querySelectorAll('[data-bh-rh-host]')].map((host) => host.shadowRoot?.textContent ?? '').join('\n')
    for (const marker of watched) if (text.includes(marker)) seen.add(marker)
    frame = requestAnimationFrame(check)
  }
  check()
  return {
    stop: () => {
      cancelAnimationFrame(frame)
      return [...seen]
    },
  }
}

beforeEach(() => {
  api = installMockApi()
  const mockFetch = globalThis.fetch
  // Every Authorization header sent to the API, in order.
  sentTokens = []
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    if (request.url.startsWith(TEST_API_BASE_URL)) sentTokens.push(request.headers.get('Authorization') ?? '')
    return mockFetch(request)
  })
  tokenRequests = 0
})

afterEach(() => {
  cleanup()
  resetReferralHistory()
  vi.unstubAllGlobals()
})

async function showAlice() {
  signIn(ALICE)
  const page = render(<AccountPage />)
  await waitFor(() => expect(widgetState(page.container)).toBe('ready'))
  await waitFor(() => expect(rowCount(page.container)).toBe(TYPICAL_REFERRALS.length))
  return { page, aliceMarkers: markers(page.container), aliceToken: sentTokens[0] }
}

describe('given Alice signs out and Bob signs in without a page load', () => {
  it('shows Bob only his rows, and no request carries Alice’s token (the account page unmounted)', async () => {
    const { page, aliceMarkers, aliceToken } = await showAlice()
    expect(aliceMarkers.length).toBeGreaterThan(5)
    page.unmount()
    signIn(BOB)

    const watch = watchScreenFor(aliceMarkers)
    const next = render(<AccountPage />)
    await waitFor(() => expect(widgetState(next.container)).toBe('ready'))
    await waitFor(() => expect(rowCount(next.container)).toBe(UNKNOWN_VALUES_REFERRALS.length))
    expect(watch.stop()).toEqual([])
    expect(sentTokens).toHaveLength(2)
    expect(sentTokens[1]).not.toBe(aliceToken)
    expect(api.requests.map((request) => request.scenario)).toEqual([ALICE, BOB])
    expect(tokenRequests).toBe(2)
  })

  it('starts the widget on screen over for Bob when the shop calls resetReferralHistory()', async () => {
    const { page, aliceMarkers, aliceToken } = await showAlice()
    signIn(BOB)
    act(() => resetReferralHistory())

    const watch = watchScreenFor(aliceMarkers)
    await waitFor(() => expect(widgetState(page.container)).toBe('ready'))
    await waitFor(() => expect(rowCount(page.container)).toBe(UNKNOWN_VALUES_REFERRALS.length))
    expect(watch.stop()).toEqual([])
    expect(sentTokens.slice(1)).not.toContain(aliceToken)
    expect(api.requests.map((request) => request.scenario)).toEqual([ALICE, BOB])
    expect(tokenRequests).toBe(2)
  })
})

describe('given the same customer’s account page unmounted and mounted again', () => {
  it('asks the token source again and shows the cached history without a new API request', async () => {
    const { page } = await showAlice()
    page.unmount()
    // Past the tick after which a widget that is gone for good lets go of its token source.
    await new Promise((resolve) => setTimeout(resolve, 20))

    const next = render(<AccountPage />)
    await waitFor(() => expect(widgetState(next.container)).toBe('ready'))
    expect(rowCount(next.container)).toBeGreaterThan(0)
    expect(tokenRequests).toBe(2)
    expect(api.requests).toHaveLength(1)
  })
})
