import { QueryClient } from '@tanstack/react-query'
import { render, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { MOCK_SHOP } from '../../src/mock-api'
import { describeDestination } from '../../src/model/destination'
import { ReferralHistory } from '../../src/views/ReferralHistory'
import { mockApiServer } from '../support/mockApiServer'
import { injectionBody } from './injectionBodies'
import { XSS_PAYLOADS } from './xssPayloads'

/**
 * Every XSS payload in every string field, answered by the API and rendered by the whole widget
 * (jsdom: structure only, scripts do not run here; test/e2e/security runs the same body in
 * Chromium, where they would).
 */

const WIDGET_TAGS = new Set(['div', 'h2', 'p', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'time', 'code', 'button', 'a'])

async function renderInjected() {
  mockApiServer.use(http.all('*/CustomerReferrals2', () => HttpResponse.json(injectionBody())))
  const view = render(
    <ReferralHistory
      shop={MOCK_SHOP}
      token="injection-test-token"
      apiBaseUrl="https://api.test/api"
      locale="en-US"
      timeZone="UTC"
      loadingDelayMs={0}
      isolation="none"
      queryClient={new QueryClient()}
    />,
  )
  await waitFor(() => expect(view.container.querySelector('.bh-rh')).toHaveAttribute('data-state', 'ready'))
  // More payloads than the first screenful of rows: the rest follow in steps after `ready`.
  await waitFor(() => expect(view.container.querySelector('table')).not.toHaveAttribute('aria-busy'))
  return view.container
}

describe('given XSS payloads in every string field of the answer', () => {
  it('renders one row per payload and creates no element, handler attribute or link from them', async () => {
    const container = await renderInjected()
    expect(container.querySelectorAll('tr[data-status]')).toHaveLength(XSS_PAYLOADS.length)
    const foreign = [...container.querySelectorAll('*')].filter((element) => !WIDGET_TAGS.has(element.localName))
    expect(foreign.map((element) => element.localName)).toEqual([])
    const handlers = [...container.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => /^on/i.test(name)))
    expect(handlers).toEqual([])
    // No payload is an http(s) URL, so not one link may appear.
    expect(container.querySelectorAll('a')).toHaveLength(0)
    expect(container.querySelectorAll('img, script, svg, iframe, object, embed, style, link, meta, base, form')).toHaveLength(0)
  })

  it('shows each payload as literal text where the field is shown', async () => {
    const container = await renderInjected()
    const friends = [...container.querySelectorAll('.bh-rh-friend-name')].map((element) => element.textContent)
    const codes = [...container.querySelectorAll('code')].map((element) => element.textContent)
    for (const payload of XSS_PAYLOADS) {
      const shown = describeDestination({ destination: payload, channel: payload })
      if (shown.kind === 'destination') expect(friends).toContain(shown.text)
      expect(codes).toContain(payload)
      expect(codes).toContain(`${payload}!code`)
    }
    expect(container.textContent).toContain('<img src=x onerror="window.__xss = true">')
  })
})
