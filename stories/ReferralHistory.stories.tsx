import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { TYPICAL_REFERRALS } from '../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../src/views/ReferralHistory'
import { mockApiStory } from './support/mockApiStory'
import { referralRows, waitForWidgetState } from './support/widgetCanvas'
import { renderWidget, widgetArgTypes, widgetArgs } from './support/widgetMeta'

/**
 * The customer-facing referral history: every friend the shopper referred, where each referral
 * stands and what it earned, read from Bubblehouse's `CustomerReferrals2` with a customer token.
 *
 * These stories run on the mock Bubblehouse API (the token picks a scenario customer); the
 * States and Content sections show every state and every kind of row.
 */
const meta = {
  title: 'ReferralHistory',
  component: ReferralHistory,
  tags: ['autodocs'],
  args: widgetArgs,
  argTypes: widgetArgTypes,
  render: renderWidget,
} satisfies Meta<ReferralHistoryProps>

export default meta
type Story = StoryObj<ReferralHistoryProps>

/** The typical customer's history, with a control for every public prop. */
export const Playground: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  args: { referUrl: '/pages/refer' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(referralRows(root).length).toBe(TYPICAL_REFERRALS.length)
  },
}
