import { QueryClient } from '@tanstack/react-query'
import { render, waitFor } from '@testing-library/react'
import { MOCK_ADMIN_LEVEL, MOCK_SHOP, TYPICAL_REFERRALS, mintMockCustomerToken } from '../../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { testApi } from '../support/mockApiServer'

/**
 * Friends' addresses: masked unless the integrator explicitly opts in with `deanonymize` (and the
 * API agrees, which it does only for admin-level tokens). A server that leaks full addresses
 * anyway must not get them onto a shopper's screen.
 */

const FULL_ADDRESSES = TYPICAL_REFERRALS.flatMap((referral) => (referral.destination?.includes('@') ? [referral.destination] : []))
/** Something@something.tld with no mask character in it. */
const FULL_EMAIL = /[^\s@•*…]+@[^\s@•*…]+\.[a-z]{2,}/i

async function renderSettled(props: Partial<ReferralHistoryProps>) {
  const view = render(
    <ReferralHistory
      shop={MOCK_SHOP}
      apiBaseUrl="https://api.test/api"
      locale="en-US"
      timeZone="UTC"
      loadingDelayMs={0}
      isolation="none"
      queryClient={new QueryClient()}
      {...props}
    />,
  )
  await waitFor(() => expect(view.container.querySelector('.bh-rh')).toHaveAttribute('data-state', 'ready'))
  // Every row in: a history longer than the first render's rows gets the rest in steps.
  await waitFor(() => expect(view.container.querySelector('table[aria-busy]')).toBeNull())
  return view.container
}

describe('given a broken server that sends full e-mail addresses', () => {
  it('masks every one of them on screen, and did not ask for them', async () => {
    const container = await renderSettled({ token: await mintMockCustomerToken('leaky-emails') })
    expect(FULL_ADDRESSES.length).toBeGreaterThan(3)
    for (const address of FULL_ADDRESSES) expect(container.textContent).not.toContain(address)
    expect(container.textContent).not.toMatch(FULL_EMAIL)
    expect(container.textContent).toContain('ja•••@ex•••.com')
    expect(testApi.requests.map((request) => request.deanonymizeRequested)).toEqual([false])
  })
})

describe('given an admin-level token', () => {
  it('still shows masked addresses when the integrator did not opt in', async () => {
    const container = await renderSettled({ token: await mintMockCustomerToken('typical', { level: MOCK_ADMIN_LEVEL }) })
    expect(container.textContent).not.toMatch(FULL_EMAIL)
    expect(testApi.requests.map((request) => request.deanonymizeRequested)).toEqual([false])
  })

  it('shows full addresses only with the explicit deanonymize opt-in', async () => {
    const token = await mintMockCustomerToken('typical', { level: MOCK_ADMIN_LEVEL })
    const container = await renderSettled({ token, deanonymize: true })
    for (const address of FULL_ADDRESSES) expect(container.textContent).toContain(address)
    expect(testApi.requests.map((request) => request.deanonymizeRequested)).toEqual([true])
  })
})

describe('given deanonymize with an ordinary customer token', () => {
  it('shows what the API decided: masked addresses', async () => {
    const container = await renderSettled({ token: await mintMockCustomerToken('typical'), deanonymize: true })
    expect(container.textContent).not.toMatch(FULL_EMAIL)
    expect(testApi.requests.map((request) => request.deanonymizeRequested)).toEqual([true])
  })
})
