import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { createElement, type ReactElement } from 'react'
import { expect } from 'storybook/test'
import { defineReferralHistoryElement } from '../src/embed/defineReferralHistoryElement'
import { ELEMENT_NAME } from '../src/embed/types'
import { MOCK_SHOP, TYPICAL_REFERRALS } from '../src/mock-api'
import { VERSION } from '../src/version'
import { fixtureOf, mockApiStory, STORY_API_BASE_URL } from './support/mockApiStory'
import { referralRows, waitForWidgetState } from './support/widgetCanvas'

// The script-tag loader imports its built main chunk by URL; here the element loads the source.
defineReferralHistoryElement(() => import('../src/embed/main'), VERSION)

/** The element's attributes, as a storefront theme would write them. */
type EmbedAttributes = {
  currency: string
  locale: string
  'refer-url': string
}

/**
 * `<bubblehouse-referral-history>` from the script-tag embed: the same widget inside the
 * element's own open shadow root, configured by attributes.
 */
const meta = {
  title: 'Embed/Custom element',
  args: { currency: 'EUR', locale: 'en-US', 'refer-url': '/pages/refer' },
  argTypes: {
    currency: { control: 'text' },
    locale: { control: 'text' },
    'refer-url': { control: 'text' },
  },
  render: (args: EmbedAttributes, context: StoryContext<EmbedAttributes>): ReactElement =>
    createElement(ELEMENT_NAME, {
      ...args,
      shop: MOCK_SHOP,
      token: fixtureOf(context.loaded).token,
      'api-base-url': STORY_API_BASE_URL,
    }),
} satisfies Meta<EmbedAttributes>

export default meta
type Story = StoryObj<EmbedAttributes>

/** The typical customer's history, rendered by the custom element from its attributes. */
export const TypicalHistoryInCustomElement: Story = {
  ...mockApiStory<EmbedAttributes>({ scenario: 'typical' }),
  async play({ canvasElement }) {
    const element = canvasElement.querySelector(ELEMENT_NAME)
    await expect(element).not.toBeNull()
    const root = await waitForWidgetState(canvasElement, 'ready', 15_000)
    // Inside the element's own shadow root, out of reach of the page's CSS.
    await expect(root.getRootNode()).toBe(element?.shadowRoot)
    await expect(referralRows(root).length).toBe(TYPICAL_REFERRALS.length)
  },
}
