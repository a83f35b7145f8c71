import { configure, waitFor } from '@testing-library/react'
import { defineReferralHistoryElement, GLOBAL_NAME } from '../../src/embed/defineReferralHistoryElement'
import { ELEMENT_NAME, type ReferralHistoryGlobal } from '../../src/embed/types'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api/credentials'
import { getSharedQueryClient } from '../../src/query/sharedQueryClient'
import { resetReportedMessages } from '../../src/views/reportOnce'
import { testApi } from '../support/mockApiServer'

// The element renders with its own createRoot outside act(), as on a real page.
beforeAll(() => {
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: false })
  // The first widget imports the main module (compiled on demand), which can take a moment.
  configure({ asyncUtilTimeout: 5_000 })
  // jsdom has no IntersectionObserver (nor layout): every widget counts as near the viewport.
  // The e2e tests check the real viewport watch in Chromium.
  defineReferralHistoryElement(
    () => import('../../src/embed/main'),
    'first',
    (_element, onNear) => {
      // Later, as an IntersectionObserver calls back.
      let watching = true
      queueMicrotask(() => watching && onNear())
      return () => (watching = false)
    },
  )
})
beforeEach(() => resetReportedMessages())
afterEach(() => {
  document.body.replaceChildren()
  // Widgets share the page-wide cache by design; each test starts with an empty one.
  getSharedQueryClient().clear()
  vi.restoreAllMocks()
})

const globalApi = () => (window as unknown as Record<string, ReferralHistoryGlobal>)[GLOBAL_NAME]!
const stateOf = (host: Element) => host.shadowRoot?.querySelector('.bh-rh')?.getAttribute('data-state') ?? null

async function addElement(attributes: Record<string, string>): Promise<HTMLElement> {
  const element = document.createElement(ELEMENT_NAME)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  document.body.append(element)
  return element
}

describe('<bubblehouse-referral-history>', () => {
  it('renders the history into an open shadow root with its stylesheet, nothing in the light DOM', async () => {
    const element = await addElement({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(stateOf(element)).toBe('ready'))
    expect(element.shadowRoot?.querySelectorAll('tbody tr').length).toBeGreaterThan(3)
    // jsdom lacks adoptedStyleSheets, so this is the <style> fallback; the e2e CSP test proves
    // Chromium gets constructable sheets and no <style> at all.
    expect(element.shadowRoot?.querySelector('style')?.textContent).toContain(':host')
    expect(element.shadowRoot?.querySelector('[style]')).toBeNull()
    expect(element.children).toHaveLength(0)
  })

  it('updates in place when an attribute changes, without a new request', async () => {
    const element = await addElement({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical'), currency: 'EUR' })
    await waitFor(() => expect(element.shadowRoot?.textContent).toContain('€10.00'))
    const root = element.shadowRoot?.querySelector('.bh-rh')
    // Counted from here: the attribute change is what must not ask again. (On Preact the mount
    // itself sometimes asks twice: the before-paint prefetch and the observer after the paint;
    // open, see the closing note.)
    const before = testApi.requests.length
    element.setAttribute('currency', 'USD')
    await waitFor(() => expect(element.shadowRoot?.textContent).toContain('$10.00'))
    expect(element.shadowRoot?.querySelector('.bh-rh')).toBe(root)
    expect(testApi.requests).toHaveLength(before)
  })

  it('shows the new customer when the token changes', async () => {
    const element = await addElement({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(stateOf(element)).toBe('ready'))
    element.setAttribute('token', await mintMockCustomerToken('empty'))
    await waitFor(() => expect(stateOf(element)).toBe('empty'))
  })

  it('follows its attributes also when the JS API mounted it first', async () => {
    const typical = await mintMockCustomerToken('typical')
    const element = document.createElement(ELEMENT_NAME)
    globalApi().mount(element, { shop: MOCK_SHOP, token: typical })
    element.setAttribute('shop', MOCK_SHOP)
    element.setAttribute('token', typical)
    document.body.append(element)
    await waitFor(() => expect(stateOf(element)).toBe('ready'))
    element.setAttribute('token', await mintMockCustomerToken('empty'))
    await waitFor(() => expect(stateOf(element)).toBe('empty'))
  })

  it('shows the config-error state for a missing shop and never throws into the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const element = await addElement({ token: 'not-even-a-jwt', 'api-base-url': 'javascript:alert(1)', currency: '€€€' })
    await waitFor(() => expect(stateOf(element)).toBe('config-error'))
    expect(testApi.requests).toHaveLength(0)
  })

  it('unmounts when removed: the shadow root is emptied', async () => {
    const element = await addElement({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(stateOf(element)).toBe('ready'))
    element.remove()
    await waitFor(() => expect(element.shadowRoot?.querySelector('.bh-rh-shadow')).toBeNull())
  })

  it('keeps the widget when moved within the page (no remount, no refetch)', async () => {
    const element = await addElement({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(stateOf(element)).toBe('ready'))
    const root = element.shadowRoot?.querySelector('.bh-rh')
    const section = document.createElement('section')
    document.body.append(section)
    section.append(element)
    await Promise.resolve()
    expect(element.shadowRoot?.querySelector('.bh-rh')).toBe(root)
    expect(testApi.requests).toHaveLength(1)
  })

  it('tells the page its state with bubbling, composed events that carry only the state name', async () => {
    const token = await mintMockCustomerToken('typical')
    const events: { type: string; detail: unknown; bubbles: boolean; composed: boolean }[] = []
    const record = (event: Event) =>
      events.push({ type: event.type, detail: (event as CustomEvent).detail, bubbles: event.bubbles, composed: event.composed })
    document.addEventListener('bubblehouse-referral-history:state', record)
    document.addEventListener('bubblehouse-referral-history:ready', record)
    try {
      const element = await addElement({ shop: MOCK_SHOP, token })
      await waitFor(() => expect(events.map((event) => event.type)).toContain('bubblehouse-referral-history:ready'))
      expect(events).toEqual([
        { type: 'bubblehouse-referral-history:state', detail: { state: 'loading' }, bubbles: true, composed: true },
        { type: 'bubblehouse-referral-history:state', detail: { state: 'ready' }, bubbles: true, composed: true },
        { type: 'bubblehouse-referral-history:ready', detail: { state: 'ready' }, bubbles: true, composed: true },
      ])
      expect(JSON.stringify(events)).not.toContain(token)
      expect(stateOf(element)).toBe('ready')
    } finally {
      document.removeEventListener('bubblehouse-referral-history:state', record)
      document.removeEventListener('bubblehouse-referral-history:ready', record)
    }
  })

  it('fires needs-sign-in for an expired token without a token source', async () => {
    const needsSignIn = vi.fn()
    document.addEventListener('bubblehouse-referral-history:needs-sign-in', needsSignIn)
    try {
      const element = await addElement({ shop: MOCK_SHOP, token: await mintMockCustomerToken('typical', { expiresIn: -60 }) })
      await waitFor(() => expect(stateOf(element)).toBe('invalid-token'))
      await waitFor(() => expect(needsSignIn).toHaveBeenCalledTimes(1))
    } finally {
      document.removeEventListener('bubblehouse-referral-history:needs-sign-in', needsSignIn)
    }
  })
})

describe('defining the element twice (the script included twice, or two versions)', () => {
  it('is harmless: no error, the first element class and global API stay', () => {
    const elementClass = customElements.get(ELEMENT_NAME)
    const api = globalApi()
    expect(() => defineReferralHistoryElement(() => import('../../src/embed/main'), 'second')).not.toThrow()
    expect(customElements.get(ELEMENT_NAME)).toBe(elementClass)
    expect(globalApi()).toBe(api)
    expect(globalApi().version).toBe('first')
  })
})

describe('window.BubblehouseReferralHistory.mount', () => {
  it('renders into a shadow root on any element, updates and unmounts', async () => {
    const host = document.createElement('div')
    document.body.append(host)
    const widget = globalApi().mount(host, { shop: MOCK_SHOP, token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(stateOf(host)).toBe('ready'))

    widget.update({ shop: MOCK_SHOP, token: await mintMockCustomerToken('empty') })
    await waitFor(() => expect(stateOf(host)).toBe('empty'))

    widget.unmount()
    expect(host.shadowRoot?.querySelector('.bh-rh-shadow')).toBeNull()
  })

  it('dispatches the state events on the element it was given', async () => {
    const host = document.createElement('div')
    document.body.append(host)
    const onReady = vi.fn()
    host.addEventListener('bubblehouse-referral-history:empty', onReady)
    globalApi().mount(host, { shop: MOCK_SHOP, token: await mintMockCustomerToken('empty') })
    await waitFor(() => expect(onReady).toHaveBeenCalledTimes(1))
  })

  it('reports an element that cannot hold a shadow root in the console instead of throwing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const input = document.createElement('input')
    const widget = globalApi().mount(input, { shop: MOCK_SHOP, token: 'x' })
    await waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('cannot host the widget')))
    expect(() => widget.update({ shop: MOCK_SHOP })).not.toThrow()
    expect(() => widget.unmount()).not.toThrow()
  })

  it('does nothing when unmounted before the main chunk arrived', async () => {
    const host = document.createElement('div')
    document.body.append(host)
    const widget = globalApi().mount(host, { shop: MOCK_SHOP, token: await mintMockCustomerToken('typical') })
    widget.unmount()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(host.shadowRoot).toBeNull()
    expect(testApi.requests).toHaveLength(0)
  })
})
