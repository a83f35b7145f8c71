import { renderToString } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'

type Entry = typeof import('../../src/index')
let entry: Entry

// Runs in the `ssr` project: plain Node, no jsdom. Any access to window/document/navigator at
// import or render time throws a ReferenceError here (and fails this beforeAll).
beforeAll(async () => {
  // A cold worker transforms the whole widget on first import; on CI's 2 cores, beside the
  // browser projects' dependency optimizer, that has taken over 20 s. Setup, not the behaviour.
  entry = await import('../../src/index')
}, 120_000)

describe('server-side rendering', () => {
  it('runs in an environment without a DOM', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  it('imports the npm entry without touching the DOM', () => {
    expect(typeof entry.ReferralHistory).toBe('function')
    expect(typeof entry.fetchCustomerReferrals).toBe('function')
  })

  it('renders the widget to a string, in its loading state, without fetching', async () => {
    const { ReferralHistory } = entry
    const originalFetch = globalThis.fetch
    let fetched = 0
    globalThis.fetch = (() => {
      fetched++
      return Promise.reject(new Error('no fetch during SSR'))
    }) as typeof fetch
    try {
      const html = renderToString(<ReferralHistory shop="demo-shop" token="header.payload.signature" isolation="none" />)
      expect(html).toContain('data-state="loading"')
      expect(html).toContain('Your referrals')
      expect(fetched).toBe(0)
    } finally {
      globalThis.fetch = originalFetch
    }
  })

  it('renders the shadow-root host as an empty placeholder (filled on the client)', async () => {
    const { ReferralHistory } = entry
    const html = renderToString(<ReferralHistory shop="demo-shop" token="header.payload.signature" />)
    expect(html).toMatch(/^<div[^>]*data-bh-rh-host/)
  })

  it('renders the configuration problem for a missing shop', async () => {
    const { ReferralHistory } = entry
    const originalError = console.error
    const errors: unknown[] = []
    console.error = (message: unknown) => void errors.push(message)
    try {
      const html = renderToString(<ReferralHistory shop="" token="t" isolation="none" />)
      expect(html).toContain('data-state="config-error"')
      expect(String(errors[0])).toContain('"shop" is required')
    } finally {
      console.error = originalError
    }
  })
})
