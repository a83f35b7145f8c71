import { QueryClient } from '@tanstack/react-query'
import { render, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { MOCK_SHOP, TYPICAL_REFERRALS, mintMockCustomerToken, type ScenarioId } from '../../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { resetReportedMessages } from '../../src/views/reportOnce'
import { mockApiServer } from '../support/mockApiServer'
import { settleEffects } from '../support/settleEffects'

/**
 * The customer token is a bearer credential and friends' addresses are personal data: across
 * every error the widget can meet, neither may reach the console, a URL, Web Storage or a cookie.
 * The browser version of this check (real network, real storage) is test/e2e/security.
 */

const API = 'https://api.test/api'
const FULL_ADDRESSES = TYPICAL_REFERRALS.flatMap((referral) => (referral.destination?.includes('@') ? [referral.destination] : []))
const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 2, rateLimitCooldownMs: 60_000, random: () => 0.5 }
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const

let consoleOutput: string[] = []
let requestUrls: string[] = []

beforeEach(() => {
  resetReportedMessages()
  consoleOutput = []
  requestUrls = []
  for (const method of CONSOLE_METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg))).join(' '))
    })
  }
  mockApiServer.events.on('request:start', ({ request }) => requestUrls.push(request.url))
})

afterEach(() => {
  mockApiServer.events.removeAllListeners()
  vi.restoreAllMocks()
  localStorage.clear()
  sessionStorage.clear()
})

async function renderUntilSettled(props: Partial<ReferralHistoryProps>): Promise<string | null | undefined> {
  const view = render(
    <ReferralHistory
      shop={MOCK_SHOP}
      apiBaseUrl={API}
      locale="en-US"
      timeZone="UTC"
      loadingDelayMs={0}
      retryPolicy={FAST_RETRIES}
      isolation="none"
      queryClient={new QueryClient()}
      {...props}
    />,
  )
  const state = () => view.container.querySelector('.bh-rh')?.getAttribute('data-state')
  await waitFor(() => expect(state()).not.toBe('loading'))
  // Then every pending effect, where the widget logs: otherwise the checks below could pass on a
  // console nothing was written to yet.
  await settleEffects()
  const settled = state()
  view.unmount()
  return settled
}

/** Nothing written anywhere the page (or anyone reading its logs) could find it. */
function expectNoLeak(secrets: readonly string[]): void {
  const places = {
    console: consoleOutput.join('\n'),
    urls: requestUrls.join('\n'),
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
  }
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(places)) {
      expect(text.includes(secret), `${place} contains a secret`).toBe(false)
    }
  }
}

const SCENARIOS: readonly [ScenarioId, string][] = [
  ['typical', 'ready'],
  ['leaky-emails', 'ready'],
  ['rate-limited', 'rate-limited'],
  ['server-error', 'error'],
  ['html-error', 'error'],
  ['malformed', 'error'],
  ['malformed-rows', 'ready'],
  ['unknown-values', 'ready'],
]

describe.each(SCENARIOS)('given the %s scenario', (scenario, expectedState) => {
  it(`reaches ${expectedState} without the token or an address in the console, a URL, storage or a cookie`, async () => {
    const token = await mintMockCustomerToken(scenario)
    expect(await renderUntilSettled({ token })).toBe(expectedState)
    expect(requestUrls.length).toBeGreaterThan(0)
    expectNoLeak([token, ...FULL_ADDRESSES])
  })
})

describe('given an expired token and a getToken that keeps minting expired ones', () => {
  it('shows the sign-in state without logging either token', async () => {
    const first = await mintMockCustomerToken('typical', { expiresIn: -60 })
    const second = await mintMockCustomerToken('typical', { expiresIn: -30 })
    expect(await renderUntilSettled({ token: first, getToken: () => second })).toBe('invalid-token')
    expectNoLeak([first, second])
  })
})

describe('given a getToken that fails with the token in its error message', () => {
  it('shows the Error state without logging the message', async () => {
    const token = await mintMockCustomerToken('typical')
    const getToken = () => Promise.reject(new Error(`token endpoint said ${token} for jane.cooper@example.com`))
    expect(await renderUntilSettled({ getToken })).toBe('error')
    expectNoLeak([token, 'jane.cooper@example.com'])
  })
})

describe('given a wrong apiVersion and a server whose error message repeats the token', () => {
  it('tells the integrator to fix apiVersion without repeating the token or the address', async () => {
    const token = await mintMockCustomerToken('typical')
    mockApiServer.use(
      http.all('*/CustomerReferrals2', () =>
        HttpResponse.json({ id: 'invalid_global_api_version', message: `bad version for ${token} (jane.cooper@example.com)` }, { status: 400 }),
      ),
    )
    expect(await renderUntilSettled({ token, apiVersion: 'v1' })).toBe('error')
    expect(consoleOutput.join('\n')).toContain('apiVersion')
    expectNoLeak([token, 'jane.cooper@example.com'])
  })
})

describe('given a malformed row whose bad field holds the token and an address', () => {
  it('names the field in the console, never its value', async () => {
    const token = await mintMockCustomerToken('typical')
    mockApiServer.use(
      http.all('*/CustomerReferrals2', () =>
        HttpResponse.json({
          referrals: [{ referral_bhid: 'a', channel: 'email', status: 'invited', sent_at: `${token} jane.cooper@example.com` }],
        }),
      ),
    )
    expect(await renderUntilSettled({ token })).toBe('ready')
    expect(consoleOutput.join('\n')).toContain('Left out referral 0 of the CustomerReferrals2 answer: its field "sent_at"')
    expectNoLeak([token, 'jane.cooper@example.com'])
  })
})
