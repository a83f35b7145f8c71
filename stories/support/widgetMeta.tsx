import type { ArgTypes, StoryContext } from '@storybook/react-vite'
import type { ReactElement } from 'react'
import { MOCK_SHOP } from '../../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { fixtureOf, STORY_API_BASE_URL } from './mockApiStory'

/**
 * Args every widget story starts from. Locale and time zone are pinned so the words, numbers and
 * dates in review screenshots do not depend on the reviewer's machine.
 */
export const widgetArgs: ReferralHistoryProps = {
  shop: MOCK_SHOP,
  apiBaseUrl: STORY_API_BASE_URL,
  apiVersion: 'v2023061',
  currency: 'EUR',
  locale: 'en-US',
  timeZone: 'UTC',
  headingLevel: 2,
  loadingDelayMs: 250,
  deanonymize: false,
}

/** Controls for the public props. Functions, the token and the cache are set by each story. */
export const widgetArgTypes: Partial<ArgTypes<ReferralHistoryProps>> = {
  shop: { control: 'text' },
  currency: { control: 'select', options: ['EUR', 'USD', 'GBP', 'JPY', 'CHF'] },
  locale: { control: 'text' },
  apiBaseUrl: { control: 'text' },
  apiVersion: { control: 'text' },
  referUrl: { control: 'text' },
  signInUrl: { control: 'text' },
  deanonymize: { control: 'boolean' },
  headingLevel: { control: 'inline-radio', options: [2, 3, 4, 5, 6] },
  timeZone: { control: 'text' },
  loadingDelayMs: { control: { type: 'number', min: 0, step: 50 } },
  className: { control: 'text' },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  isolation: { control: 'inline-radio', options: ['shadow', 'none'] },
  token: { control: false, description: 'Minted per story for its mock customer by the story loader.' },
  getToken: { control: false },
  queryClient: { control: false, description: 'Each story passes a fresh QueryClient.' },
  messages: { control: 'object' },
  retryPolicy: { control: 'object' },
  onStateChange: { control: false },
  tokenSourceKey: { control: false },
}

/** Renders the widget with the story's mock customer token and fresh cache. */
export function renderWidget(args: ReferralHistoryProps, context: StoryContext<ReferralHistoryProps>): ReactElement {
  const fixture = fixtureOf(context.loaded)
  return <ReferralHistory {...args} token={args.token ?? fixture.token} queryClient={fixture.queryClient} />
}
