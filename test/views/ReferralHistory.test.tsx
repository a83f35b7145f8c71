import { QueryClient } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { BubblehouseApiError } from '../../src/api/BubblehouseApiError'
import { MOCK_SHOP, TYPICAL_REFERRALS, mintMockCustomerToken } from '../../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { resetReportedMessages } from '../../src/views/reportOnce'
import { mockApiServer, testApi } from '../support/mockApiServer'
import { settleEffects } from '../support/settleEffects'

const API = 'https://api.test/api'
/** Short backoff so retries finish inside a test; the schedule itself is tested in retryPolicy. */
const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 4, rateLimitCooldownMs: 60_000, random: () => 0.5 }

const clients: QueryClient[] = []

function renderWidget(props: Partial<ReferralHistoryProps> & { queryClient?: QueryClient }) {
  const queryClient = props.queryClient ?? new QueryClient()
  clients.push(queryClient)
  const utils = render(
    <ReferralHistory
      shop={MOCK_SHOP}
      apiBaseUrl={API}
      locale="en-US"
      currency="EUR"
      timeZone="UTC"
      loadingDelayMs={0}
      retryPolicy={FAST_RETRIES}
      // Logic tests read the DOM directly; shadow-root isolation is tested in Chromium.
      isolation="none"
      {...props}
      queryClient={queryClient}
    />,
  )
  const root = () => utils.container.querySelector('.bh-rh') as HTMLElement
  return { ...utils, queryClient, root }
}

const rows = (container: HTMLElement) => container.querySelectorAll('tr[data-status]')
const apiRequests = () => testApi.requests.filter((request) => request.path.endsWith('/CustomerReferrals2'))

beforeEach(() => {
  resetReportedMessages()
})

// A retry still in flight must not land in the next test's request log: unmount, let the
// abandoned request abort (checked a tick after unmount), then drop the caches.
afterEach(async () => {
  cleanup()
  await new Promise((resolve) => setTimeout(resolve, 20))
  for (const client of clients.splice(0)) {
    await client.cancelQueries()
    client.clear()
  }
})

describe('ReferralHistory', () => {
  describe('given a customer with a typical history', () => {
    it('shows the skeleton, then every row with its status in words', async () => {
      const token = await mintMockCustomerToken('typical')
      const { container, root } = renderWidget({ token })
      expect(root()).toHaveAttribute('data-state', 'loading')

      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      await waitFor(() => expect(rows(container)).toHaveLength(17))
      expect(screen.getAllByText('Rewarded').length).toBeGreaterThan(0)
      expect(screen.getByRole('heading', { name: 'Your referrals' })).toBeInTheDocument()
      expect(screen.getByText('Your referral history has loaded: 17 referrals.')).toHaveAttribute('aria-live', 'polite')
      expect(apiRequests()).toHaveLength(1)
    })
  })

  describe('given invitations that are still open', () => {
    const invited = TYPICAL_REFERRALS.filter((referral) => referral.status === 'invited')

    it('offers "Copy link" on each invited row and on no row whose status is final, and never shows the link', async () => {
      const token = await mintMockCustomerToken('typical')
      const { container, root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      await waitFor(() => expect(rows(container)).toHaveLength(17))

      const buttons = screen.getAllByRole('button', { name: /^Copy the invitation link/ })
      expect(invited.length).toBeGreaterThan(0)
      expect(buttons).toHaveLength(invited.length)
      for (const button of buttons) expect(button.closest('tr')).toHaveAttribute('data-status', 'invited')
      for (const row of container.querySelectorAll('tr[data-status]:not([data-status="invited"])')) {
        expect(row.querySelector('button:not([aria-label^="Copy coupon code"])')).toBeNull()
      }
      const text = root().textContent ?? ''
      for (const referral of TYPICAL_REFERRALS) if (referral.link) expect(text).not.toContain(referral.link)
    })

    it('copies the friend\'s link and announces it in that row only', async () => {
      const user = userEvent.setup() // installs a clipboard stub on navigator
      const token = await mintMockCustomerToken('typical')
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      const priya = invited.find((referral) => referral.destination?.startsWith('priya'))
      if (!priya?.link) throw new Error('the typical fixture has lost its invited e-mail row')

      const button = screen.getByRole('button', { name: 'Copy the invitation link (p***@e***.net)' })
      await user.click(button)

      expect(await navigator.clipboard.readText()).toBe(priya.link)
      const row = button.closest('tr') as HTMLElement
      expect(within(row).getByRole('status')).toHaveTextContent('Link copied')
      expect(screen.getAllByRole('status').filter((region) => region.textContent === 'Link copied')).toHaveLength(1)
    })

    it('shows the link selected when the clipboard refuses', async () => {
      const user = userEvent.setup()
      vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
      const token = await mintMockCustomerToken('typical')
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))

      const button = screen.getByRole('button', { name: 'Copy the invitation link (p***@e***.net)' })
      await user.click(button)

      const row = button.closest('tr') as HTMLElement
      expect(within(row).getByRole('status')).toHaveTextContent('Could not copy automatically. The link is selected')
      await waitFor(() => expect(document.getSelection()?.toString()).toMatch(/^https:\/\/demo-shop\.example\/r\//))
    })
  })

  describe('given a customer with no referrals', () => {
    it('shows the empty state with the call to action', async () => {
      const token = await mintMockCustomerToken('empty')
      const { root } = renderWidget({ token, referUrl: '/pages/refer' })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'empty'))
      expect(screen.getByRole('link', { name: 'Refer a friend' })).toHaveAttribute('href', '/pages/refer')
    })
  })

  describe('given an expired token and a getToken that mints a fresh one', () => {
    it('never sends the expired token: asks for a new one first and shows the history (1 request)', async () => {
      const expired = await mintMockCustomerToken('typical', { expiresIn: -60 })
      const getToken = vi.fn(() => mintMockCustomerToken('typical'))
      const { container, root } = renderWidget({ token: expired, getToken })

      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      expect(getToken).toHaveBeenCalledTimes(1)
      expect(apiRequests().map((request) => request.status)).toEqual([200])
      await waitFor(() => expect(rows(container)).toHaveLength(17))
    })
  })

  describe('given a token the API refuses and a getToken that mints a fresh one', () => {
    it('asks for a new token once and shows the history (2 requests)', async () => {
      const refused = await mintMockCustomerToken('typical', { audience: 'not-bh' })
      const getToken = vi.fn(() => mintMockCustomerToken('typical'))
      const { container, root } = renderWidget({ token: refused, getToken })

      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      expect(getToken).toHaveBeenCalledTimes(1)
      expect(apiRequests().map((request) => request.status)).toEqual([401, 200])
      await waitFor(() => expect(rows(container)).toHaveLength(17))
    })
  })

  describe('given a getToken that keeps returning expired tokens', () => {
    it('shows the sign-in-again state without sending any, and asks only once', async () => {
      const getToken = vi.fn(() => mintMockCustomerToken('typical', { expiresIn: -60 }))
      const { root } = renderWidget({ getToken })

      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'invalid-token'))
      expect(screen.getByText('Your session has expired')).toBeInTheDocument()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(getToken).toHaveBeenCalledTimes(1)
      expect(apiRequests()).toHaveLength(0)
    })
  })

  describe('given a getToken that keeps returning tokens the API refuses', () => {
    it('shows the sign-in-again state after at most 2 requests, with no loop', async () => {
      const getToken = vi.fn(() => mintMockCustomerToken('typical', { audience: 'not-bh' }))
      const { root } = renderWidget({ getToken })

      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'invalid-token'))
      expect(getToken).toHaveBeenCalledTimes(2)
      expect(apiRequests()).toHaveLength(2)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(apiRequests()).toHaveLength(2)
    })
  })

  describe('given the merchant says the shopper is signed out', () => {
    it('shows the sign-in-again state without calling the API', async () => {
      const signedOut = new BubblehouseApiError({ status: 401, code: 'invalid_token', message: 'signed out' })
      const getToken = vi.fn(async (_options?: { signal?: AbortSignal }): Promise<string> => {
        throw signedOut
      })
      const { root } = renderWidget({ getToken })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'invalid-token'))
      expect(getToken).toHaveBeenCalledTimes(1)
      expect(getToken.mock.calls[0]?.[0]?.signal).toBeInstanceOf(AbortSignal)
      expect(apiRequests()).toHaveLength(0)
    })
  })

  describe('given a token endpoint that is down', () => {
    it('retries it, then shows the error state', async () => {
      const getToken = vi.fn(async () => {
        throw new Error('HTTP 503')
      })
      const { root } = renderWidget({ getToken })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'))
      expect(getToken).toHaveBeenCalledTimes(3)
      expect(apiRequests()).toHaveLength(0)
    })
  })

  describe('given an expired token and no way to get another', () => {
    it('shows the sign-in-again state without sending it', async () => {
      const token = await mintMockCustomerToken('typical', { expiresIn: -60 })
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'invalid-token'))
      expect(apiRequests()).toHaveLength(0)
    })
  })

  describe('given a token the API refuses and no way to get another', () => {
    it('shows the sign-in-again state after one request', async () => {
      const token = await mintMockCustomerToken('typical', { audience: 'not-bh' })
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'invalid-token'))
      expect(apiRequests()).toHaveLength(1)
    })
  })

  describe('given an expired token and the shop\'s sign-in page', () => {
    it('links the sign-in-again state to that page', async () => {
      const token = await mintMockCustomerToken('typical', { expiresIn: -60 })
      const { root } = renderWidget({ token, signInUrl: '/account/login?return_to=/account/referrals' })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'invalid-token'))
      expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/account/login?return_to=/account/referrals')
      // Expired by its own claims: never sent.
      expect(apiRequests()).toEqual([])
    })

    it('shows no link when the sign-in URL is not http(s)', async () => {
      const token = await mintMockCustomerToken('typical', { expiresIn: -60 })
      const { root } = renderWidget({ token, signInUrl: 'javascript:alert(1)' })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'invalid-token'))
      expect(screen.getByText('Please sign in again to see your referrals.')).toBeInTheDocument()
      expect(root().querySelector('a')).toBeNull()
    })
  })

  describe('given the API rate-limits the first request', () => {
    it('backs off, retries and shows the history', async () => {
      const token = await mintMockCustomerToken('rate-limited-once')
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      expect(apiRequests().map((request) => request.status)).toEqual([429, 200])
    })
  })

  describe('given the API keeps rate-limiting', () => {
    it('gives up after the bounded retries and shows the countdown and a retry button', async () => {
      const token = await mintMockCustomerToken('rate-limited')
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'rate-limited'))
      expect(apiRequests()).toHaveLength(4)
      expect(screen.getByText(/Trying again in \d+ s/)).toBeInTheDocument()

      await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
      // The manual retry runs one more bounded round (1 + 3 retries), then waits for the cooldown:
      // nothing is left in flight to land in the next test.
      await waitFor(() => expect(apiRequests()).toHaveLength(8))
      expect(root()).toHaveAttribute('data-state', 'rate-limited')
    })
  })

  describe('given a network error on the first request', () => {
    it('retries and shows the history', async () => {
      const token = await mintMockCustomerToken('flaky')
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      expect(apiRequests().map((request) => request.status)).toEqual([503, 200])
    })
  })

  describe('given a server that keeps failing', () => {
    it('retries twice, then shows the error state with a retry button', async () => {
      const token = await mintMockCustomerToken('server-error')
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'))
      expect(apiRequests()).toHaveLength(3)
      expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    })
  })

  describe('given an answer that is not a referrals list', () => {
    it('shows the error state at once and warns naming the field, never the token', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const token = await mintMockCustomerToken('malformed')
      const { root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'))
      expect(apiRequests()).toHaveLength(1)
      // Waited for: the warning comes from an effect, which Preact (the embed) runs after a paint.
      await waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
      await settleEffects()
      expect(warn).toHaveBeenCalledTimes(1)
      const message = String(warn.mock.calls[0]?.[0])
      expect(message).toMatch(/^\[referral-history\].*at "referrals"/)
      expect(message).not.toContain(token)
      warn.mockRestore()
    })
  })

  describe('given an answer with a few malformed rows among good ones', () => {
    it('shows the good rows, says quietly how many could not be shown, and warns once per row naming the field, never the value', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const token = await mintMockCustomerToken('malformed-rows')
      const { container, root } = renderWidget({ token })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      // The typical history has 17 rows; three are unreadable. A coupon string, a coupon without
      // text and points sent as "250" are guesses or readable, and cost no row.
      await waitFor(() => expect(rows(container)).toHaveLength(14))
      expect(screen.getByText('3 entries could not be shown.')).toBeInTheDocument()
      expect(container.textContent).toContain('250 points')
      await waitFor(() => expect(warn).toHaveBeenCalledTimes(3))
      await settleEffects()
      const messages = warn.mock.calls.map((call) => String(call[0]))
      expect(messages).toEqual([
        expect.stringMatching(/^\[referral-history\] Left out referral 1 of the CustomerReferrals2 answer: its field "sent_at"/),
        expect.stringMatching(/^\[referral-history\] Left out referral 2 .*"reward_pts"/),
        expect.stringMatching(/^\[referral-history\] Left out referral 4 .*"reward_amount"/),
      ])
      for (const message of messages) expect(message).not.toMatch(/1748779200|1\.5|5\.25|jane/)
      warn.mockRestore()
    })
  })

  describe('given a missing shop', () => {
    it('shows the configuration state and logs one error that says the fix', async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const { root } = renderWidget({ shop: '', token: 'x' })
      expect(root()).toHaveAttribute('data-state', 'config-error')
      expect(error).toHaveBeenCalledTimes(1)
      expect(String(error.mock.calls[0]?.[0])).toContain('[referral-history] "shop" is required')
      expect(apiRequests()).toHaveLength(0)
      error.mockRestore()
    })
  })

  describe('given neither token nor getToken', () => {
    it('shows the configuration state', () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const { root } = renderWidget({})
      expect(root()).toHaveAttribute('data-state', 'config-error')
      expect(String(error.mock.calls[0]?.[0])).toContain('pass "token"')
      error.mockRestore()
    })
  })

  describe('given three widgets for one customer in StrictMode', () => {
    it('makes one request, and a remount within the stale window makes none', async () => {
      const token = await mintMockCustomerToken('typical')
      const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } })
      const widget = (key: number) => (
        <ReferralHistory
          key={key}
          shop={MOCK_SHOP}
          token={token}
          apiBaseUrl={API}
          queryClient={queryClient}
          loadingDelayMs={0}
          isolation="none"
        />
      )
      const { container, unmount } = render(
        <StrictMode>
          {widget(1)}
          {widget(2)}
          {widget(3)}
        </StrictMode>,
      )
      await waitFor(() => expect(container.querySelectorAll('.bh-rh[data-state="ready"]')).toHaveLength(3))
      unmount()
      const again = render(<StrictMode>{widget(4)}</StrictMode>)
      expect(again.container.querySelector('.bh-rh')).toHaveAttribute('data-state', 'ready')
      expect(apiRequests()).toHaveLength(1)
    })
  })

  describe('given the widget is removed while its request is in flight', () => {
    it('aborts the request', async () => {
      const token = await mintMockCustomerToken('slow')
      let started = 0
      const onStart = () => void started++
      mockApiServer.events.on('request:start', onStart)
      const { unmount } = renderWidget({ token })
      await waitFor(() => expect(started).toBe(1))
      mockApiServer.events.removeListener('request:start', onStart)
      unmount()
      // The mock records status 0 when the client hung up before it answered.
      await waitFor(() => expect(apiRequests()[0]?.status).toBe(0))
    })
  })

  describe('given onStateChange', () => {
    it('reports each visible state once', async () => {
      const token = await mintMockCustomerToken('typical')
      const onStateChange = vi.fn()
      const { root } = renderWidget({ token, onStateChange })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      // Waited for: states are reported from an effect, which Preact (the embed) runs after a paint.
      const reported = () => onStateChange.mock.calls.map(([state]) => state)
      await waitFor(() => expect(reported()).toEqual(['loading', 'ready']))
      await settleEffects()
      expect(reported()).toEqual(['loading', 'ready'])
    })
  })

  describe('given a right-to-left locale', () => {
    it('sets lang and dir on the widget root', async () => {
      const token = await mintMockCustomerToken('empty')
      const { root } = renderWidget({ token, locale: 'ar-EG' })
      expect(root()).toHaveAttribute('lang', 'ar-EG')
      expect(root()).toHaveAttribute('dir', 'rtl')
      await act(async () => {})
    })
  })
})
