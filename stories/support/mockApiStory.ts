import { QueryClient } from '@tanstack/react-query'
import type { ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { createMockBubblehouseApi, mintMockCustomerToken, type MockBubblehouseApi, type ScenarioId } from '../../src/mock-api'
import { bubblehouseHandlers } from '../../src/mock-api/msw'
import type { Args, Loader, ReactRenderer } from '@storybook/react-vite'
import type { BeforeEach } from 'storybook/internal/types'

/** Where stories point the widget. msw answers `…/CustomerReferrals2` under any base path. */
export const STORY_API_BASE_URL = '/mock-bubblehouse/api'

/** What a story's loader prepares: its own mock API, its own cache and the customer's token. */
export interface MockApiFixture {
  /** The mock Bubblehouse API this story talks to (its request log is the story's alone). */
  api: MockBubblehouseApi
  /** A fresh cache, so no story sees another story's answers. */
  queryClient: QueryClient
  /** The customer token passed to the widget, or undefined for stories without one. */
  token: string | undefined
}

export interface MockApiStoryOptions {
  /** The mock customer "signed in" (see `SCENARIOS` in src/mock-api). */
  scenario: ScenarioId
  /** `valid` (default), `expired` (minted an hour ago, already past `exp`) or `none`. */
  /** `expired`: past its `exp` (the widget never sends it); `refused`: unexpired, but the API
   * answers invalid_token (e.g. revoked). */
  token?: 'valid' | 'expired' | 'refused' | 'none'
  /** Delay of the `slow` scenario. Default: the mock's own (10 s). */
  slowDelayMs?: number
}

/** Same defaults as the widget's page-wide client, so stories behave like a shop page. */
function createStoryQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, gcTime: 5 * 60_000 } } })
}

async function mintToken(scenario: ScenarioId, kind: MockApiStoryOptions['token']): Promise<string | undefined> {
  if (kind === 'none') return undefined
  if (kind === 'expired') return mintMockCustomerToken(scenario, { expiresIn: -3600 })
  if (kind === 'refused') return mintMockCustomerToken(scenario, { audience: 'revoked' })
  return mintMockCustomerToken(scenario)
}

/**
 * Story annotations that put the widget on the mock Bubblehouse API: a loader mints the scenario
 * customer's token (jose signs in the browser) and creates a fresh mock API and QueryClient, and
 * `beforeEach` plugs that mock into msw's worker for this story.
 */
export function mockApiStory<TArgs extends Args = ReferralHistoryProps>(
  options: MockApiStoryOptions,
): { loaders: Loader<TArgs>[]; beforeEach: BeforeEach<ReactRenderer, TArgs> } {
  return {
    loaders: [
      async (): Promise<{ fixture: MockApiFixture }> => ({
        fixture: {
          api: createMockBubblehouseApi(options.slowDelayMs === undefined ? {} : { slowDelayMs: options.slowDelayMs }),
          queryClient: createStoryQueryClient(),
          token: await mintToken(options.scenario, options.token),
        },
      }),
    ],
    beforeEach({ msw, loaded }) {
      msw.use(...bubblehouseHandlers(fixtureOf(loaded).api))
    },
  }
}

/** The fixture a `mockApiStory` loader prepared (Storybook types `loaded` as a loose record). */
export function fixtureOf(loaded: Record<string, unknown>): MockApiFixture {
  const fixture = loaded.fixture as MockApiFixture | undefined
  if (!fixture) throw new Error('This story has no mock API fixture: spread mockApiStory({ scenario }) into it.')
  return fixture
}
