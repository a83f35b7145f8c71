import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { TYPICAL_REFERRALS, mintMockCustomerToken } from '../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../src/views/ReferralHistory'
import { fixtureOf, mockApiStory } from './support/mockApiStory'
import { english, referralRows, waitForWidgetState } from './support/widgetCanvas'
import { renderWidget, widgetArgTypes, widgetArgs } from './support/widgetMeta'

/**
 * Every state the widget can be in, each reached the way a shop page reaches it: a real request
 * to the mock Bubblehouse API with the scenario customer's token.
 */
const meta = {
  title: 'ReferralHistory/States',
  component: ReferralHistory,
  args: widgetArgs,
  argTypes: widgetArgTypes,
  render: renderWidget,
} satisfies Meta<ReferralHistoryProps>

export default meta
type Story = StoryObj<ReferralHistoryProps>

/**
 * Retries keep their real count, only the waits between them shrink, so error stories settle in
 * well under a second and the request log still proves the retry rules.
 */
const QUICK_BACKOFF = { baseDelayMs: 20, maxDelayMs: 40 } as const

/** The first answer has not arrived: after 250 ms a skeleton shaped like a short history. */
export const Loading: Story = {
  // The slow customer answers after a day, far beyond any review or test.
  ...mockApiStory({ scenario: 'slow', slowDelayMs: 86_400_000 }),
  parameters: { phoneScreenshot: true },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'loading')
    const loading = root.querySelector('[data-state="loading"]')
    await expect(loading).toHaveAttribute('aria-busy', 'true')
    await within(root).findByText(english('loading.label'))
    await expect(root.querySelectorAll('.bh-rh-skeleton-row').length).toBeGreaterThan(0)
  },
}

/** No referrals yet, with the shop's "Refer a friend" page as the call to action. */
export const EmptyWithCallToAction: Story = {
  ...mockApiStory({ scenario: 'empty' }),
  args: { referUrl: '/pages/refer' },
  parameters: { phoneScreenshot: true },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'empty')
    await expect(within(root).getByText(english('empty.title'))).toBeVisible()
    await expect(within(root).getByRole('link', { name: english('empty.cta') })).toHaveAttribute('href', '/pages/refer')
  },
}

/** No referrals yet, and the shop gave no `referUrl`: the words only, no dead button. */
export const EmptyWithoutCallToAction: Story = {
  ...mockApiStory({ scenario: 'empty' }),
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'empty')
    await expect(within(root).getByText(english('empty.body'))).toBeVisible()
    await expect(within(root).queryByRole('link')).toBeNull()
  },
}

/**
 * The token expired and there is no `getToken` to ask for a fresh one: sign in again. No data, and
 * the expired token is never sent. The shop gave no `signInUrl`, so the state asks in words only.
 */
export const InvalidToken: Story = {
  ...mockApiStory({ scenario: 'typical', token: 'expired' }),
  async play({ canvasElement, loaded }) {
    const root = await waitForWidgetState(canvasElement, 'invalid-token')
    await expect(within(root).getByText(english('invalidToken.title'))).toBeVisible()
    await expect(within(root).queryByRole('link')).toBeNull()
    await expect(referralRows(root).length).toBe(0)
    await expect(fixtureOf(loaded).api.requests).toEqual([])
  },
}

/** The same, with the shop's sign-in page (`signInUrl` / `sign-in-url`): a "Sign in" link. */
export const InvalidTokenWithSignInLink: Story = {
  ...mockApiStory({ scenario: 'typical', token: 'expired' }),
  args: { signInUrl: '/account/login?return_url=/account/referrals' },
  parameters: { phoneScreenshot: true },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'invalid-token')
    await expect(within(root).getByText(english('invalidToken.body'))).toBeVisible()
    await expect(within(root).getByRole('link', { name: english('invalidToken.signIn') })).toHaveAttribute(
      'href',
      '/account/login?return_url=/account/referrals',
    )
  },
}

/** The API refuses the token, `getToken` is asked once for a fresh one, and that one is refused as
 * well: sign in again, with no loop. */
export const InvalidTokenAfterFreshToken: Story = {
  ...mockApiStory({ scenario: 'typical', token: 'refused' }),
  args: { getToken: () => mintMockCustomerToken('typical', { audience: 'revoked' }) },
  async play({ canvasElement, loaded }) {
    const root = await waitForWidgetState(canvasElement, 'invalid-token')
    await expect(within(root).getByText(english('invalidToken.body'))).toBeVisible()
    await expect(fixtureOf(loaded).api.requests.map((request) => request.status)).toEqual([401, 401])
  },
}

/** Every request is rate limited: after 3 backoff retries, the notice with a countdown and Retry. */
export const RateLimited: Story = {
  ...mockApiStory({ scenario: 'rate-limited' }),
  args: { retryPolicy: QUICK_BACKOFF },
  async play({ canvasElement, loaded }) {
    const root = await waitForWidgetState(canvasElement, 'rate-limited')
    await expect(within(root).getByText(english('rateLimited.title'))).toBeVisible()
    await expect(within(root).getByText(/^Trying again in \d+ s$/)).toBeVisible()
    await expect(within(root).getByRole('button', { name: english('rateLimited.retry') })).toBeEnabled()
    await expect(within(root).queryByText(english('rateLimited.showingLastGood'))).toBeNull()
    await expect(referralRows(root).length).toBe(0)
    await expect(fixtureOf(loaded).api.requests.map((request) => request.status)).toEqual([429, 429, 429, 429])
  },
}

/**
 * The history loaded; a later refresh (the shopper comes back to the tab) is rate limited. The
 * notice sits above the last good history, which stays on screen.
 */
export const RateLimitedWithLastGoodData: Story = {
  ...mockApiStory({ scenario: 'rate-limited-after-first' }),
  args: { retryPolicy: QUICK_BACKOFF },
  parameters: { phoneScreenshot: true },
  async play({ canvasElement, loaded }) {
    const { api, queryClient } = fixtureOf(loaded)
    await waitForWidgetState(canvasElement, 'ready')
    await queryClient.refetchQueries()
    const root = await waitForWidgetState(canvasElement, 'rate-limited')
    await expect(within(root).getByText(english('rateLimited.showingLastGood'))).toBeVisible()
    await expect(within(root).getByText(/^Trying again in \d+ s$/)).toBeVisible()
    await expect(referralRows(root).length).toBe(TYPICAL_REFERRALS.length)
    await expect(api.requests.map((request) => request.status)).toEqual([200, 429, 429, 429, 429])
  },
}

/** Three rows of the answer cannot be read (a numeric sent_at, 1.5 points, a float amount): they
 * are left out with a console warning each, the others show, and a quiet line counts the rest. */
export const MalformedRows: Story = {
  ...mockApiStory({ scenario: 'malformed-rows' }),
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(referralRows(root).length).toBe(TYPICAL_REFERRALS.length - 3)
    await expect(within(root).getByText(english('history.invalidRows', { count: 3 }))).toBeVisible()
  },
}

/** The server keeps failing (500): after 2 retries, the error with Retry and a reference (generic: `internal_error` is not a documented id). */
export const ServerError: Story = {
  ...mockApiStory({ scenario: 'server-error' }),
  args: { retryPolicy: QUICK_BACKOFF },
  parameters: { phoneScreenshot: true },
  async play({ canvasElement, loaded }) {
    const root = await waitForWidgetState(canvasElement, 'error')
    await expect(within(root).getByText(english('error.title'))).toBeVisible()
    await expect(within(root).getByRole('button', { name: english('error.retry') })).toBeEnabled()
    await expect(within(root).getByText(english('error.reference', { code: 'api_error' }))).toBeVisible()
    await expect(fixtureOf(loaded).api.requests.map((request) => request.status)).toEqual([500, 500, 500])
  },
}

const MISSING_SHOP_MESSAGE = '[referral-history] "shop" is required: pass the Bubblehouse shop slug, e.g. shop="my-shop".'

/**
 * Set up wrongly (no `shop`): the problem on screen for whoever installed the widget, the fix in
 * the console, and no request at all.
 */
export const ConfigError: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  args: { shop: '' },
  parameters: { expectedConsoleErrors: [MISSING_SHOP_MESSAGE] },
  async play({ canvasElement, loaded }) {
    const root = await waitForWidgetState(canvasElement, 'config-error')
    await expect(within(root).getByText(english('configError.title'))).toBeVisible()
    await expect(within(root).getByText(MISSING_SHOP_MESSAGE)).toBeVisible()
    await expect(fixtureOf(loaded).api.requests).toHaveLength(0)
  },
}
