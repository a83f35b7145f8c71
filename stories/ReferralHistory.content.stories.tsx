import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { KNOWN_REFERRAL_CHANNELS, KNOWN_REFERRAL_STATUSES } from '../src/api/types'
import type { MessageKey } from '../src/i18n/messages'
import {
  LONG_VALUES_REFERRALS,
  MANY_REFERRALS_COUNT,
  TYPICAL_REFERRALS,
  UNKNOWN_VALUES_REFERRALS,
} from '../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../src/views/ReferralHistory'
import { mockApiStory } from './support/mockApiStory'
import { english, referralRows, waitForWidgetState } from './support/widgetCanvas'
import { renderWidget, widgetArgTypes, widgetArgs } from './support/widgetMeta'

/**
 * What a loaded history can contain, from the mock Bubblehouse API's scenario customers: a typical
 * history, shared links, every status and channel (known and unknown), every kind of reward,
 * values too long for a phone, 5,000 rows, and a broken server that leaks e-mail addresses.
 */
const meta = {
  title: 'ReferralHistory/Content',
  component: ReferralHistory,
  args: widgetArgs,
  argTypes: widgetArgTypes,
  render: renderWidget,
} satisfies Meta<ReferralHistoryProps>

export default meta
type Story = StoryObj<ReferralHistoryProps>

/** Text of every cell of one column (`bh-rh-friend`, `bh-rh-status`, `bh-rh-reward`…). */
function columnTexts(root: HTMLElement, cellClass: string): string[] {
  return Array.from(root.querySelectorAll(`.${cellClass}`), (cell) => cell.textContent ?? '')
}

const euros = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(amount)

/** A realistic history: summary figures, then every referral newest first. */
export const TypicalHistory: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  parameters: { phoneScreenshot: true },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    const rows = referralRows(root)
    await expect(rows.length).toBe(TYPICAL_REFERRALS.length)
    await expect(within(root).getByText(english('summary.friendsReferred', { count: 2 }))).toBeVisible()
    // Newest first: the personal link shared a few hours before the fixtures' "now".
    await expect(rows[0]).toHaveTextContent(english('channel.custom-personal.shared'))
    await expect(within(root).getByRole('table', { name: english('history.caption') })).toBeVisible()
  },
}

/** One Facebook post used by three friends: one send, three rows under a shared-link heading. */
export const OneLinkSeveralFriends: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    const heading = within(root).getByRole('rowheader', {
      name: english('history.group', { channel: english('channel.facebook'), count: 3 }),
    })
    heading.scrollIntoView({ block: 'center' })
    const group = heading.closest('tbody')
    if (!group) throw new Error('The shared-link heading is not inside its row group.')
    const friends = referralRows(group)
    await expect(friends.length).toBe(3)
    await expect(friends.map((row) => row.dataset.status).sort()).toEqual(['approved', 'qualified', 'rejected'])
  },
}

/**
 * All five statuses in words with what happens next, and all twelve channels by name. The box grows
 * with the history here (`--bh-rh-block-size: auto`), so the picture shows every row.
 */
export const EveryStatusAndChannel: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  parameters: { widgetBlockSize: 'auto' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    const body = root.querySelector('.bh-rh-body') as HTMLElement
    // Nothing scrolled away inside the box.
    await expect(body.scrollHeight).toBeLessThanOrEqual(body.clientHeight + 1)
    const statuses = columnTexts(root, 'bh-rh-status').join('\n')
    for (const status of KNOWN_REFERRAL_STATUSES) {
      await expect(statuses).toContain(english(`status.${status}.label` as MessageKey))
      await expect(statuses).toContain(english(`status.${status}.next` as MessageKey))
    }
    const friends = columnTexts(root, 'bh-rh-friend')
    for (const channel of KNOWN_REFERRAL_CHANNELS) {
      const named = [english(`channel.${channel}` as MessageKey), english(`channel.${channel}.shared` as MessageKey)]
      await expect(friends.some((text) => named.some((name) => text.includes(name)))).toBe(true)
    }
  },
}

/**
 * Statuses and channels newer than the widget (`on_hold`, `carrier-pigeon`): neutral words,
 * never a crash and never a missing row.
 */
export const UnknownStatusesAndChannels: Story = {
  ...mockApiStory({ scenario: 'unknown-values' }),
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(referralRows(root).length).toBe(UNKNOWN_VALUES_REFERRALS.length)
    const unknownStatusRows = referralRows(root).filter((row) => row.dataset.status === 'on_hold')
    await expect(unknownStatusRows.length).toBe(2)
    for (const row of unknownStatusRows) await expect(row).toHaveTextContent(english('status.unknown.label'))
    await expect(columnTexts(root, 'bh-rh-friend').filter((text) => text.includes(english('channel.other.shared'))).length).toBe(2)
  },
}

/**
 * An invitation still open (`invited`) offers "Copy link": the friend's current link, to send again.
 * Rows whose friend has acted or whose status is final never show it. Copying is confirmed in the
 * row's own status region (or, where the browser refuses the clipboard, the link shows selected).
 */
export const ResendAnInvitation: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  parameters: { widgetBlockSize: 'auto' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    const invited = referralRows(root).filter((row) => row.dataset.status === 'invited')
    await expect(invited.length).toBe(TYPICAL_REFERRALS.filter((referral) => referral.status === 'invited').length)
    for (const row of referralRows(root)) {
      const copyLink = within(row).queryByRole('button', { name: /^Copy the invitation link/ })
      await expect(copyLink !== null).toBe(row.dataset.status === 'invited')
    }
    const first = within(invited[0] as HTMLElement).getByRole('button', { name: /^Copy the invitation link/ })
    await userEvent.click(first)
    const feedback = within(invited[0] as HTMLElement).getByRole('status')
    await waitFor(() => expect([english('invite.copied'), english('invite.copyFailed')]).toContain(feedback.textContent))
  },
}

/** Points (with their worth), money in the shop currency, and coupon codes with a Copy button. */
export const RewardsOfEachKind: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    const rewards = columnTexts(root, 'bh-rh-reward').join('\n')
    await expect(rewards).toContain(english('reward.points', { count: 500 }))
    await expect(rewards).toContain(euros(5))
    await expect(rewards).toContain(euros(10))
    for (const code of ['FRIEND-7KQ2', 'QR-5OFF-2M8D']) {
      await expect(within(root).getByRole('button', { name: english('coupon.copyLabel', { code }) })).toBeEnabled()
    }
    await expect(within(root).getByText('15% off your next order')).toBeVisible()
    await expect(within(root).getByRole('link', { name: english('coupon.open') })).toHaveAttribute(
      'href',
      'https://demo-shop.example/discount/FRIEND-7KQ2',
    )
  },
}

/**
 * A 320 px wide phone: masked addresses, coupon codes and titles far wider than the screen wrap
 * inside the widget instead of pushing it sideways.
 */
export const LongValuesAtNarrowWidth: Story = {
  ...mockApiStory({ scenario: 'long-values' }),
  parameters: { widgetWidth: '320px' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(referralRows(root).length).toBe(LONG_VALUES_REFERRALS.length)
    for (const referral of LONG_VALUES_REFERRALS) {
      if (referral.destination) await expect(within(root).getByText(referral.destination)).toBeVisible()
      if (referral.coupon_code) await expect(within(root).getByText(referral.coupon_code)).toBeVisible()
    }
    await expect(root.getBoundingClientRect().width).toBeLessThanOrEqual(320)
    // Nothing sticks out of the widget: no sideways scrolling on a phone.
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth)
    for (const cell of Array.from(root.querySelectorAll<HTMLElement>('.bh-rh-cell'))) {
      await expect(cell.getBoundingClientRect().right).toBeLessThanOrEqual(root.getBoundingClientRect().right + 0.5)
    }
  },
}

/** 5,000 referrals over three years, no server totals: every row is there, totals derived. */
export const FiveThousandRows: Story = {
  ...mockApiStory({ scenario: 'many' }),
  parameters: {
    // 5,000 rows are reviewed in their box; a picture of all of them would be hundreds of screens.
    fullContentScreenshot: false,
    // No axe run here: axe builds its tree of all ~75,000 elements even when told to check a few,
    // which takes 30 s in the built Storybook and over a minute in the test run. The rows are the
    // same components that TypicalHistory and the other stories check in full.
    a11y: { test: 'off' },
  },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready', 20_000, { settled: false })
    // The first screenful comes with the data, the rest in steps; the table is busy until the last.
    // (Asserted on the attribute's value, not the element: the interactions panel would serialise
    // the whole table.)
    const busy = () => root.querySelector('table')?.getAttribute('aria-busy') ?? null
    await expect(busy()).toBe('true')
    await waitFor(() => expect(busy()).toBeNull(), { timeout: 60_000 })
    await expect(referralRows(root).length).toBe(MANY_REFERRALS_COUNT)
    await expect(within(root).getByText(english('summary.friendsReferred', { count: 2 }))).toBeVisible()
  },
}

/**
 * A broken server sends friends' full e-mail addresses. The widget masks them on screen: the
 * shopper sees enough to recognise a friend, never an address to write to.
 */
export const LeakyEmailsMaskedOnScreen: Story = {
  ...mockApiStory({ scenario: 'leaky-emails' }),
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(referralRows(root).length).toBe(TYPICAL_REFERRALS.length)
    const text = root.textContent ?? ''
    const addresses = TYPICAL_REFERRALS.flatMap((referral) => (referral.destination ? [referral.destination] : []))
    await expect(addresses.length).toBeGreaterThan(0)
    for (const address of addresses) await expect(text).not.toContain(address)
    const masked = columnTexts(root, 'bh-rh-friend-name').filter((name) => name.includes('@'))
    await expect(masked.length).toBe(addresses.length)
    for (const name of masked) await expect(name).toContain('•••')
  },
}
