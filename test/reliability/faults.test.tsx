import { notifyManager, onlineManager, QueryClient } from '@tanstack/react-query'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { resetReportedMessages } from '../../src/views/reportOnce'
import { mockApiServer, testApi } from '../support/mockApiServer'
import { settleEffects } from '../support/settleEffects'

/**
 * What the network and the server can do to the widget, one fault per test: expired tokens, rate
 * limits, server errors, a dead connection, a proxy's HTML page, a hanging answer, an unmount in
 * the middle of a request and a wrong API version. Every request is observed at the msw level,
 * so counts and times are what left the widget, not what the widget believes it sent.
 */

const API = 'https://api.test/api'
const ENDPOINT = `${API}/*/${MOCK_SHOP}/CustomerReferrals2`
/** Retries finish in milliseconds; the 429 schedule test sets its own, real-sized policy. */
const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 4, rateLimitCooldownMs: 60_000, random: () => 0.5 }

interface SeenRequest {
  /** Fake-clock time the request left the widget. */
  at: number
  request: Request
}

let seen: SeenRequest[] = []
/** Requests msw has not finished answering: the fake-timer tests wait (in real time) for these. */
let inFlight = 0
// Captured before any test installs fake timers: settling waits in real time.
const realSetTimeout = globalThis.setTimeout

beforeEach(() => {
  seen = []
  inFlight = 0
  resetReportedMessages()
  mockApiServer.events.on('request:start', ({ request }) => {
    inFlight++
    seen.push({ at: Date.now(), request })
  })
  mockApiServer.events.on('request:end', () => {
    inFlight--
  })
})

afterEach(() => {
  mockApiServer.events.removeAllListeners()
  vi.useRealTimers()
  notifyManager.setScheduler((callback) => setTimeout(callback, 0))
  vi.restoreAllMocks()
  onlineManager.setOnline(true)
})

function renderWidget(props: Partial<ReferralHistoryProps>) {
  const queryClient = props.queryClient ?? new QueryClient()
  const utils = render(
    <ReferralHistory
      shop={MOCK_SHOP}
      apiBaseUrl={API}
      locale="en-US"
      currency="EUR"
      timeZone="UTC"
      loadingDelayMs={0}
      retryPolicy={FAST_RETRIES}
      queryClient={queryClient}
      // Light DOM, so Testing Library's screen queries see the widget (shadow DOM is the embed's
      // concern and is covered in the browser specs).
      isolation="none"
      {...props}
    />,
  )
  const state = () => utils.container.querySelector('.bh-rh')?.getAttribute('data-state')
  const rowCount = () => utils.container.querySelectorAll('tr[data-status]').length
  return { ...utils, queryClient, state, rowCount }
}

const apiError = (status: number, id: string) => HttpResponse.json({ id, message: 'test answer' }, { status })

/**
 * Fakes the clock the widget's timers read (backoff, cooldown, countdown). react-query's own
 * render notifications, batched on a zero-delay timer by default, go to a microtask instead, so
 * the fake clock never has to move for the screen to catch up with the cache.
 */
function installFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  notifyManager.setScheduler(queueMicrotask)
}

/** Lets msw and react-query finish whatever the last timer started, without moving the fake
 * clock: token checks and body reading take real time, and react-query batches its notifications
 * on zero-delay timers (see installFakeClock). */
async function settle(until?: () => boolean): Promise<void> {
  for (let turn = 0; turn < 500; turn++) {
    if (until ? until() : turn >= 10 && inFlight === 0) return
    await act(async () => {
      await new Promise<void>((resolve) => realSetTimeout(resolve, 1))
    })
  }
}

/** Moves the fake clock from timer to timer, letting msw and react-query finish after each one,
 * so every request is stamped with the exact time its timer fired. Stops at the first timer at or
 * after `until` (it may overshoot to that timer). */
async function runTimersUntil(until: number): Promise<void> {
  while (Date.now() < until && vi.getTimerCount() > 0) {
    await act(async () => {
      await vi.advanceTimersToNextTimerAsync()
    })
    await settle()
  }
}

describe('given an expired token and a getToken that mints a fresh one', () => {
  it('never sends the expired token: asks for one fresh token and shows the rows after 1 API request', async () => {
    const expired = await mintMockCustomerToken('typical', { expiresIn: -60 })
    const fresh = await mintMockCustomerToken('typical')
    const getToken = vi.fn(() => fresh)
    const widget = renderWidget({ token: expired, getToken })

    await waitFor(() => expect(widget.state()).toBe('ready'))
    await waitFor(() => expect(widget.rowCount()).toBe(17))
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(seen.map((entry) => entry.request.headers.get('Authorization'))).toEqual([`Bearer ${fresh}`])
  })
})

describe('given a token the API refuses and a getToken that mints a fresh one', () => {
  it('asks for one fresh token and shows the rows after exactly 2 API requests', async () => {
    // Not expired by its own claims, so it is sent; the API refuses it (wrong audience).
    const refused = await mintMockCustomerToken('typical', { audience: 'not-bh' })
    const fresh = await mintMockCustomerToken('typical')
    const getToken = vi.fn(() => fresh)
    const widget = renderWidget({ token: refused, getToken })

    await waitFor(() => expect(widget.state()).toBe('ready'))
    await waitFor(() => expect(widget.rowCount()).toBe(17))
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(seen).toHaveLength(2)
    expect(seen.map((entry) => entry.request.headers.get('Authorization'))).toEqual([`Bearer ${refused}`, `Bearer ${fresh}`])
  })
})

describe('given a server that refuses every token', () => {
  it('shows the sign-in-again state after at most 2 requests and never loops', async () => {
    mockApiServer.use(http.all(ENDPOINT, () => apiError(401, 'invalid_token')))
    const getToken = vi.fn(() => mintMockCustomerToken('typical'))
    const widget = renderWidget({ token: await mintMockCustomerToken('typical'), getToken })

    await waitFor(() => expect(widget.state()).toBe('invalid-token'))
    // Give a loop every chance to show itself.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(seen.length).toBeLessThanOrEqual(2)
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(widget.state()).toBe('invalid-token')
  })
})

describe('given a server that keeps answering 429', () => {
  it('backs off on a bounded schedule, then shows the rate-limited state and waits for its cooldown', async () => {
    installFakeClock()
    const token = await mintMockCustomerToken('rate-limited')
    const policy = { baseDelayMs: 1000, maxDelayMs: 8000, rateLimitRetries: 3, rateLimitCooldownMs: 30_000, random: () => 0.5 }
    const widget = renderWidget({ token, retryPolicy: policy })
    await settle()
    expect(seen).toHaveLength(1)
    const start = seen[0]?.at ?? Number.NaN

    await runTimersUntil(start + 10_000)
    // Delays with jitter pinned at 0.5: ¾ of 1 s, 2 s, 4 s; then no more than rateLimitRetries.
    expect(seen.map((entry) => entry.at - start)).toEqual([0, 750, 2250, 5250])
    expect(widget.state()).toBe('rate-limited')
    expect(screen.getByText('Your referrals are taking a moment')).toBeInTheDocument()

    // Quiet until the cooldown (30 s after the last answer) runs out, then one automatic round,
    // bounded the same way.
    await runTimersUntil(start + 45_000)
    expect(seen.map((entry) => entry.at - start)).toEqual([0, 750, 2250, 5250, 35_250, 36_000, 37_500, 40_500])
    expect(widget.state()).toBe('rate-limited')
  })

  it('keeps the last good rows on screen and recovers with the Retry button', async () => {
    const token = await mintMockCustomerToken('typical')
    const widget = renderWidget({ token })
    await waitFor(() => expect(widget.state()).toBe('ready'))

    mockApiServer.use(http.all(ENDPOINT, () => apiError(429, 'rate_limit_exceeded')))
    await act(() => widget.queryClient.refetchQueries())
    await waitFor(() => expect(widget.state()).toBe('rate-limited'))
    await waitFor(() => expect(widget.rowCount()).toBe(17))
    expect(screen.getByText('Showing your referrals as they were at the last update.')).toBeInTheDocument()
    expect(seen).toHaveLength(1 + 4)

    mockApiServer.resetHandlers()
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(widget.state()).toBe('ready'))
    await waitFor(() => expect(widget.rowCount()).toBe(17))
    expect(seen).toHaveLength(6)
  })
})

describe('given a server that fails (503) after a good answer', () => {
  it('keeps the last good rows, says "Trying again…" on the button while the load Retry started runs, then recovers', async () => {
    const widget = renderWidget({ token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(widget.state()).toBe('ready'))

    mockApiServer.use(http.all(ENDPOINT, () => apiError(503, 'service_unavailable')))
    await act(() => widget.queryClient.refetchQueries())
    await waitFor(() => expect(widget.state()).toBe('error'))
    await waitFor(() => expect(widget.rowCount()).toBe(17))

    // The next answers wait at a gate, then come from the mock API as usual.
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    mockApiServer.resetHandlers()
    mockApiServer.use(http.all(ENDPOINT, async () => void (await gate)))
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    const button = await screen.findByRole('button', { name: 'Trying again…' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(widget.state()).toBe('error')
    await waitFor(() => expect(widget.rowCount()).toBe(17))

    open()
    await waitFor(() => expect(widget.state()).toBe('ready'))
    expect(screen.queryByRole('button', { name: /Retry|Trying again/ })).toBeNull()
  })
})

describe('given a server that keeps answering 429 for minutes', () => {
  // The real schedule scaled down 10× (30 s → 3 s, 5 min → 30 s, 10 min → 60 s) so the fake clock
  // has fewer countdown ticks to step through; the real numbers are pinned in retryPolicy.test.ts.
  const SCALED = {
    baseDelayMs: 100,
    maxDelayMs: 800,
    rateLimitRetries: 3,
    rateLimitCooldownMs: 3_000,
    rateLimitMaxCooldownMs: 30_000,
    rateLimitGiveUpAfterMs: 60_000,
    random: () => 0.5,
  }
  /** The times (from the first) at which each load of 4 requests began. */
  const loadStarts = (start: number) => seen.filter((_, index) => index % 4 === 0).map((entry) => entry.at - start)

  it('pauses longer after each automatic load, then stops asking by itself; Retry still asks', async () => {
    installFakeClock()
    const widget = renderWidget({ token: await mintMockCustomerToken('rate-limited'), retryPolicy: SCALED })
    await settle()
    const start = seen[0]?.at ?? Number.NaN

    await runTimersUntil(start + 200_000)
    // Each load is 4 requests over 525 ms (backoff ¾ of 100, 200, 400 ms); the pause after the
    // load doubles: 3, 6, 12, 24 s, then the 30 s cap; the load ending past 60 s of nothing but
    // 429 is the last automatic one.
    const starts = loadStarts(start)
    expect(starts).toEqual([0, 3_525, 10_050, 22_575, 47_100, 77_625])
    expect(starts.slice(1).map((at, index) => at - (starts[index]! + 525))).toEqual([3_000, 6_000, 12_000, 24_000, 30_000])
    expect(seen).toHaveLength(24)
    expect(widget.state()).toBe('rate-limited')
    expect(screen.getByText('Please try again in a moment.')).toBeInTheDocument()

    await act(async () => {
      screen.getByRole('button', { name: 'Retry' }).click()
    })
    await settle()
    await runTimersUntil(Date.now() + 1_000)
    expect(seen).toHaveLength(28)
  })

  it('does not retry by itself while the page is hidden, and does once the shopper is back', async () => {
    installFakeClock()
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    renderWidget({ token: await mintMockCustomerToken('rate-limited'), retryPolicy: SCALED })
    await settle()
    const start = seen[0]?.at ?? Number.NaN
    // The first load's own backoff retries wait for the page to be shown, as react-query's do;
    // show it for the first load only.
    visibility.mockReturnValue('visible')
    await runTimersUntil(start + 1_000)
    expect(seen).toHaveLength(4)

    visibility.mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await runTimersUntil(start + 60_000)
    expect(seen).toHaveLength(4)

    visibility.mockReturnValue('visible')
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'))
      window.dispatchEvent(new Event('visibilitychange'))
    })
    await settle()
    await runTimersUntil(Date.now() + 1_000)
    expect(seen).toHaveLength(8)
  })
})

describe('given a rate-limited widget and a second one of the same customer mounted during its wait', () => {
  it('shows the second one the rate-limited state and sends nothing until the wait is over', async () => {
    installFakeClock()
    const token = await mintMockCustomerToken('rate-limited')
    const policy = { baseDelayMs: 1000, maxDelayMs: 8000, rateLimitRetries: 3, rateLimitCooldownMs: 30_000, random: () => 0.5 }
    const queryClient = new QueryClient()
    const first = renderWidget({ token, retryPolicy: policy, queryClient })
    await settle()
    const start = seen[0]?.at ?? Number.NaN
    await runTimersUntil(start + 10_000)
    expect(first.state()).toBe('rate-limited')
    expect(seen).toHaveLength(4)

    const second = renderWidget({ token, retryPolicy: policy, queryClient })
    await settle()
    expect(second.state()).toBe('rate-limited')
    expect(seen).toHaveLength(4)

    // One automatic load for both when the wait (30 s after the last answer) is over.
    await runTimersUntil(start + 45_000)
    expect(seen.map((entry) => entry.at - start)).toEqual([0, 750, 2250, 5250, 35_250, 36_000, 37_500, 40_500])
  })
})

describe('given a rate-limit run that ended long ago', () => {
  it('counts the next 429 as a new run: the short wait and automatic retries again', async () => {
    installFakeClock()
    // Scaled down 10× as above: the longest wait is 30 s, so 429s more than 60 s apart are
    // separate runs; automatic retries stop after 60 s of nothing but 429.
    const policy = {
      baseDelayMs: 100,
      maxDelayMs: 800,
      rateLimitRetries: 3,
      rateLimitCooldownMs: 3_000,
      rateLimitMaxCooldownMs: 30_000,
      rateLimitGiveUpAfterMs: 60_000,
      random: () => 0.5,
    }
    renderWidget({ token: await mintMockCustomerToken('rate-limited'), retryPolicy: policy })
    await settle()
    const start = seen[0]?.at ?? Number.NaN
    await runTimersUntil(start + 200_000)
    expect(seen).toHaveLength(24)

    // The shopper comes back to the tab five minutes later (within the token's life) and presses
    // Retry.
    await act(async () => {
      vi.setSystemTime(Date.now() + 5 * 60_000)
    })
    await act(async () => {
      screen.getByRole('button', { name: 'Retry' }).click()
    })
    await settle()
    const retried = Date.now()
    await runTimersUntil(retried + 5_000)
    // The Retry's load, then one automatic load 3 s after it (a new run's first wait).
    expect(seen.slice(24).map((entry) => entry.at - retried)).toEqual([0, 75, 225, 525, 3_525, 3_600, 3_750, 4_050])
  })
})

describe.each([
  ['without last good data', false],
  ['with last good data on screen', true],
])('given three widgets of one rate-limited customer %s', (_, withLastGood) => {
  it('never has more than one request in flight, whatever the clicks and retries', async () => {
    // Counted where requests leave the widget: from fetch() until the answer, or until the widget
    // aborts the request (the server may still be busy with it; the shopper's browser is not).
    let current = 0
    let most = 0
    const realFetch = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      current++
      most = Math.max(most, current)
      let done = false
      const finish = () => {
        if (!done) current--
        done = true
      }
      init?.signal?.addEventListener('abort', finish)
      const response = realFetch(input, init)
      response.then(finish, finish)
      return response
    })
    const limited = http.all(ENDPOINT, async () => {
      await new Promise((resolve) => setTimeout(resolve, 30))
      return apiError(429, 'rate_limit_exceeded')
    })
    const queryClient = new QueryClient()
    const token = await mintMockCustomerToken('typical')
    if (!withLastGood) mockApiServer.use(limited)
    const widgets = [1, 2, 3].map(() => renderWidget({ token, queryClient }))
    if (withLastGood) {
      await waitFor(() => widgets.forEach((widget) => expect(widget.state()).toBe('ready')))
      mockApiServer.use(limited)
      await act(() => queryClient.invalidateQueries())
    }
    await waitFor(() => widgets.forEach((widget) => expect(widget.state()).toBe('rate-limited')))
    await waitFor(() => expect(widgets[0]!.rowCount()).toBe(withLastGood ? 17 : 0))

    // Every widget's Retry, twice, and the host refetching (react-query cancels and re-sends).
    await act(async () => {
      for (const widget of [...widgets, ...widgets]) within(widget.container).getByRole('button', { name: 'Retry' }).click()
      void queryClient.refetchQueries()
    })
    await waitFor(() => expect(current).toBe(0))
    await waitFor(() => widgets.forEach((widget) => expect(widget.state()).toBe('rate-limited')))
    expect(most).toBe(1)
  })
})

describe('given two widgets whose getToken speak for different customers, without a tokenSourceKey', () => {
  it('shows each its own customer (their token sources are never shared by accident)', async () => {
    const queryClient = new QueryClient()
    const typical = renderWidget({ getToken: () => mintMockCustomerToken('typical'), queryClient })
    const empty = renderWidget({ getToken: () => mintMockCustomerToken('empty'), queryClient })
    await waitFor(() => expect([typical.state(), empty.state()]).toEqual(['ready', 'empty']))
    expect(seen).toHaveLength(2)
  })
})

describe('given a widget removed while its token source is still being asked', () => {
  it('aborts the token request', async () => {
    let tokenSignal: AbortSignal | undefined
    const widget = renderWidget({
      getToken: ({ signal } = {}) => {
        tokenSignal = signal
        return new Promise<string>(() => {})
      },
    })
    await waitFor(() => expect(tokenSignal).toBeDefined())
    widget.unmount()
    await waitFor(() => expect(tokenSignal?.aborted).toBe(true))
  })
})

describe('given a query that react-query cancels while its request is in flight', () => {
  it('aborts the request', async () => {
    let handlerSignal: AbortSignal | undefined
    mockApiServer.use(
      http.all(ENDPOINT, async ({ request }) => {
        handlerSignal = request.signal
        await new Promise((resolve) => setTimeout(resolve, 2_000))
        return testApi.handle(request)
      }),
    )
    const widget = renderWidget({ token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(handlerSignal).toBeDefined())
    await act(() => widget.queryClient.cancelQueries())
    await waitFor(() => expect(handlerSignal?.aborted).toBe(true))
  })
})

describe.each([
  [500, 'internal_error'],
  [502, 'bad_gateway'],
  [503, 'service_unavailable'],
])('given a server that answers %i', (status, id) => {
  it('retries a bounded number of times, then shows the Error state with a generic reference (the id is undocumented)', async () => {
    mockApiServer.use(http.all(ENDPOINT, () => apiError(status, id)))
    const widget = renderWidget({ token: await mintMockCustomerToken('typical') })

    await waitFor(() => expect(widget.state()).toBe('error'))
    expect(seen).toHaveLength(3) // first try + transientRetries (2)
    expect(screen.getByText('We couldn’t load your referrals')).toBeInTheDocument()
    expect(screen.getByText('Reference: api_error')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain(id)
  })
})

describe('given a connection that drops', () => {
  it('shows the Error state, then reloads by itself when the browser is back online', async () => {
    mockApiServer.use(http.all(ENDPOINT, () => HttpResponse.error()))
    const widget = renderWidget({ token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(widget.state()).toBe('error'))
    expect(screen.getByText('Reference: network_error')).toBeInTheDocument()
    expect(seen).toHaveLength(3)

    act(() => onlineManager.setOnline(false))
    mockApiServer.resetHandlers()
    act(() => window.dispatchEvent(new Event('online')))
    await waitFor(() => expect(widget.state()).toBe('ready'))
    await waitFor(() => expect(widget.rowCount()).toBe(17))
  })

  it('sends nothing while the browser is offline, says so, and loads once it is back', async () => {
    act(() => onlineManager.setOnline(false))
    const widget = renderWidget({ token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(widget.state()).toBe('error'))
    expect(screen.getByText('Reference: offline')).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen).toHaveLength(0)

    act(() => onlineManager.setOnline(true))
    await waitFor(() => expect(widget.state()).toBe('ready'))
    expect(seen).toHaveLength(1)
  })
})

describe('given answers that are not the documented JSON', () => {
  it('shows the Error state with malformed_response for a proxy’s HTML error page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const widget = renderWidget({ token: await mintMockCustomerToken('html-error') })
    await waitFor(() => expect(widget.state()).toBe('error'))
    expect(screen.getByText('Reference: malformed_response')).toBeInTheDocument()
    // A 502 is worth retrying even when the proxy dressed it in HTML; the retries are bounded.
    expect(seen).toHaveLength(3)
    // Reported from an effect, which Preact (the embed's renderer) runs after a paint.
    await settleEffects()
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[referral-history\] .*502/))
  })

  it('shows the Error state with malformed_response for truncated JSON, without retrying', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    mockApiServer.use(
      http.all(
        ENDPOINT,
        () => new HttpResponse('{"referrals":[{"referral_bhid":"20b3188', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    const widget = renderWidget({ token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(widget.state()).toBe('error'))
    expect(screen.getByText('Reference: malformed_response')).toBeInTheDocument()
    expect(seen).toHaveLength(1)
    await settleEffects()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[referral-history]'))
  })
})

describe('given an answer that takes 10 seconds', () => {
  it('sends one request and keeps showing Loading until the answer arrives', async () => {
    installFakeClock()
    const token = await mintMockCustomerToken('typical')
    let answerScheduled = false
    mockApiServer.use(
      http.all(ENDPOINT, async ({ request }) => {
        const tenSeconds = new Promise((resolve) => setTimeout(resolve, 10_000))
        answerScheduled = true
        await tenSeconds
        return testApi.handle(request)
      }),
    )
    const widget = renderWidget({ token })
    // The fake clock must not move before the server has started its 10 s.
    await settle(() => answerScheduled)
    expect(seen).toHaveLength(1)

    await act(async () => {
      await vi.advanceTimersByTimeAsync(9_999)
    })
    await settle(() => widget.state() !== 'loading' || seen.length > 1)
    expect(widget.state()).toBe('loading')
    expect(seen).toHaveLength(1)

    await act(async () => {
      await vi.advanceTimersByTimeAsync(1)
    })
    await settle(() => widget.state() === 'ready')
    expect(widget.state()).toBe('ready')
    expect(seen).toHaveLength(1)
  })
})

describe('given the widget is unmounted while its request is in flight', () => {
  it('aborts the request and logs no React warning', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const consoleWarn = vi.spyOn(console, 'warn')
    let handlerSignal: AbortSignal | undefined
    mockApiServer.use(
      http.all(ENDPOINT, async ({ request }) => {
        handlerSignal = request.signal
        await new Promise((resolve) => setTimeout(resolve, 2_000))
        return testApi.handle(request)
      }),
    )
    const widget = renderWidget({ token: await mintMockCustomerToken('typical') })
    await waitFor(() => expect(handlerSignal).toBeDefined())
    expect(handlerSignal?.aborted).toBe(false)

    widget.unmount()
    await waitFor(() => expect(handlerSignal?.aborted).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(consoleError).not.toHaveBeenCalled()
    expect(consoleWarn).not.toHaveBeenCalled()
  })
})

describe('given an apiVersion the API does not know', () => {
  it('shows the Error state and tells the integrator to fix apiVersion', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const widget = renderWidget({ token: await mintMockCustomerToken('typical'), apiVersion: 'v1999' })
    await waitFor(() => expect(widget.state()).toBe('error'))
    expect(screen.getByText('Reference: invalid_global_api_version')).toBeInTheDocument()
    expect(seen).toHaveLength(1)
    await settleEffects()
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/\[referral-history\].*apiVersion/))
  })
})
