import { QueryClient } from '@tanstack/react-query'
import { render, waitFor } from '@testing-library/react'
import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { parseCustomerReferrals } from '../../src/api/schema'
import type { CustomerReferrals } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { MOCK_SHOP } from '../../src/mock-api'
import { buildHistory } from '../../src/model/buildHistory'
import { HistoryView } from '../../src/views/HistoryView'
import { FIRST_ROWS } from '../../src/views/ReferralList'
import { ReferralHistory } from '../../src/views/ReferralHistory'
import { resetReportedMessages } from '../../src/views/reportOnce'
import { mockApiServer } from '../support/mockApiServer'
import { arbitraryBody, mutatedBody, validBody, type Json } from './apiBodyArbitraries'

/**
 * Generated bodies on screen: every API string must arrive as text, never as markup. The history
 * view is rendered directly for most bodies (fast), and the whole widget through msw for a smaller
 * number, where the only acceptable outcomes are rows, the empty state or the Error state.
 */

const t = createTranslator(en, 'en-US')
/** Every element the widget's own markup uses. Anything else came from a string. */
const WIDGET_TAGS = new Set([
  'div', 'h2', 'p', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'time', 'code', 'button', 'a',
])
const FUZZ_TIMEOUT_MS = 60_000

/** No element, event-handler attribute or non-http(s) link that an API string could have created.
 * Collected first and compared once: one `expect` per element would dominate the run time. */
function expectOnlyWidgetMarkup(root: HTMLElement): void {
  const foreign: string[] = []
  for (const element of root.querySelectorAll('*')) {
    if (!WIDGET_TAGS.has(element.localName)) foreign.push(`<${element.localName}>`)
    for (const attribute of element.getAttributeNames()) if (/^on/i.test(attribute)) foreign.push(`[${attribute}]`)
  }
  for (const anchor of root.querySelectorAll('a')) {
    const protocol = new URL(anchor.getAttribute('href') ?? '', 'about:blank').protocol
    if (protocol !== 'http:' && protocol !== 'https:') foreign.push(`href ${protocol}`)
  }
  expect(foreign).toEqual([])
}

const sorted = (values: readonly string[]) => [...values].sort()

/** Bodies whose rows all come in the first render (longer histories add the rest in later steps,
 * a task or more after it: test/views/ReferralList.test.tsx and useProgressiveCount.test.tsx hold
 * those). */
const firstRenderBody = validBody.filter((body) => Array.isArray(body.referrals) && body.referrals.length <= FIRST_ROWS)

describe('HistoryView over generated valid bodies (300 bodies)', () => {
  it(`renders every row of a history of up to ${FIRST_ROWS} rows in its first render, and every API string exactly as text`, () => {
    fc.assert(
      fc.property(firstRenderBody, fc.boolean(), (body, deanonymize) => {
        const parsed = parseCustomerReferrals(body)
        if (!parsed.ok) throw new Error(`refused a valid body at ${parsed.path}`)
        const data: CustomerReferrals = parsed.data
        const model = buildHistory(data, { locale: 'en-US', currency: 'EUR', deanonymize, messages: en, timeZone: 'UTC' })
        const rows = model.groups.flatMap((group) => group.rows)
        const view = render(<HistoryView data={data} t={t} locale="en-US" currency="EUR" deanonymize={deanonymize} timeZone="UTC" />)
        try {
          const root = view.container
          expect(root.querySelectorAll('tr[data-status]')).toHaveLength(data.referrals.length)
          expectOnlyWidgetMarkup(root)
          // Text nodes carry the strings unchanged: had one been parsed as HTML, textContent would differ.
          const friendTexts = [...root.querySelectorAll('.bh-rh-friend-name')].map((element) => element.textContent ?? '')
          expect(sorted(friendTexts)).toEqual(sorted(rows.map((row) => row.friend.text)))
          const codes = [...root.querySelectorAll('code')].map((element) => element.textContent ?? '')
          expect(sorted(codes)).toEqual(sorted(rows.flatMap((row) => row.reward.coupons.map((coupon) => coupon.code))))
          // Statuses only ever reach the DOM as an attribute value.
          const statuses = [...root.querySelectorAll('tr[data-status]')].map((row) => row.getAttribute('data-status') ?? '')
          expect(sorted(statuses)).toEqual(sorted(data.referrals.map((referral) => referral.status)))
        } finally {
          view.unmount()
        }
      }),
      { numRuns: 300 },
    )
  }, FUZZ_TIMEOUT_MS)
})

describe('the whole widget answered by generated bodies through msw (60 bodies)', () => {
  beforeEach(() => resetReportedMessages())

  it('shows the rows (with the count of rows left out), the empty state or the Error state with malformed_response, nothing else', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await fc.assert(
      fc.asyncProperty(fc.oneof(validBody, mutatedBody, arbitraryBody), async (body: Json) => {
        mockApiServer.use(http.all('*/CustomerReferrals2', () => HttpResponse.json(body)))
        const parsed = parseCustomerReferrals(body)
        const view = render(
          <ReferralHistory
            shop={MOCK_SHOP}
            token="fuzz-token"
            apiBaseUrl="https://api.test/api"
            locale="en-US"
            currency="EUR"
            timeZone="UTC"
            loadingDelayMs={0}
            isolation="none"
            queryClient={new QueryClient()}
          />,
        )
        try {
          const widget = () => view.container.querySelector('.bh-rh')
          await waitFor(() => expect(widget()?.getAttribute('data-state')).not.toBe('loading'))
          const state = widget()?.getAttribute('data-state')
          if (!parsed.ok) {
            expect(state).toBe('error')
            expect(view.container).toHaveTextContent('Reference: malformed_response')
          } else if (parsed.data.referrals.length === 0 && !parsed.data.invalidRows?.length) {
            expect(state).toBe('empty')
          } else {
            expect(state).toBe('ready')
            expect(view.container.querySelectorAll('tr[data-status]')).toHaveLength(parsed.data.referrals.length)
            const left = parsed.data.invalidRows?.length ?? 0
            if (left > 0) expect(view.container).toHaveTextContent(`${left} ${left === 1 ? 'entry' : 'entries'} could not be shown.`)
          }
          expectOnlyWidgetMarkup(view.container)
        } finally {
          view.unmount()
          mockApiServer.resetHandlers()
        }
      }),
      { numRuns: 60 },
    )
    warn.mockRestore()
  }, FUZZ_TIMEOUT_MS)
})
