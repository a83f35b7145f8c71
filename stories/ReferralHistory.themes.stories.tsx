import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, within } from 'storybook/test'
import { ar } from '../src/i18n/locales/ar'
import { ReferralHistory, type ReferralHistoryProps } from '../src/views/ReferralHistory'
import { mockApiStory } from './support/mockApiStory'
import { english, waitForWidgetState } from './support/widgetCanvas'
import { renderWidget, widgetArgTypes, widgetArgs } from './support/widgetMeta'

/**
 * The built-in dark palette and a shop's own theme set through `--bh-rh-*` custom properties.
 * Every story runs axe (colour contrast included) through the a11y addon.
 */
const meta = {
  title: 'ReferralHistory/Themes',
  component: ReferralHistory,
  args: widgetArgs,
  argTypes: widgetArgTypes,
  render: renderWidget,
} satisfies Meta<ReferralHistoryProps>

export default meta
type Story = StoryObj<ReferralHistoryProps>

/** The widget's own background, as the browser computed it. */
const backgroundOf = (element: Element) => getComputedStyle(element).backgroundColor

/** Content off the dark box's edges: the box has padding of its own (`--bh-rh-padding`). */
function expectContentInset(root: HTMLElement) {
  const box = root.getBoundingClientRect()
  const title = root.querySelector('.bh-rh-title') as HTMLElement
  const glyphs = document.createRange()
  glyphs.selectNodeContents(title)
  return Promise.all([
    expect(glyphs.getBoundingClientRect().top - box.top).toBeGreaterThanOrEqual(8),
    expect(title.getBoundingClientRect().left - box.left).toBeGreaterThanOrEqual(8),
    expect(box.right - title.getBoundingClientRect().right).toBeGreaterThanOrEqual(8),
  ])
}

export const Dark: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  args: { theme: 'dark' },
  parameters: { phoneScreenshot: true },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(root).toHaveAttribute('data-theme', 'dark')
    await expect(backgroundOf(root)).toBe('rgb(13, 17, 23)')
    await expect(within(root).getByRole('heading', { level: 2 })).toHaveTextContent(english('title'))
    await expectContentInset(root)
  },
}

export const DarkRightToLeft: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  args: { theme: 'dark', locale: 'ar' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(root).toHaveAttribute('dir', 'rtl')
    await expect(backgroundOf(root)).toBe('rgb(13, 17, 23)')
    await expect(within(root).getByRole('heading', { level: 2 })).toHaveTextContent(ar.title as string)
    // The Arabic title's tall glyphs sit inside the dark box, not cut at its top edge.
    await expectContentInset(root)
  },
}

export const DarkError: Story = {
  ...mockApiStory({ scenario: 'server-error' }),
  args: { theme: 'dark', retryPolicy: { baseDelayMs: 20, maxDelayMs: 40 } },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'error')
    await expect(within(root).getByRole('button', { name: english('error.retry') })).toBeVisible()
  },
}

/** Follows the reviewer's system setting: light or dark depending on the machine. */
export const Auto: Story = {
  ...mockApiStory({ scenario: 'typical' }),
  args: { theme: 'auto' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches
    await expect(backgroundOf(root)).toBe(prefersDark ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)')
  },
}

/** The THEMING.md example: a Shopify Dawn-like store (its font, near-black accent, square corners). */
const DAWN_LIKE_THEME = {
  '--bh-rh-font-family': 'Assistant, "Helvetica Neue", Arial, sans-serif',
  '--bh-rh-font-size': '15px',
  '--bh-rh-color-text': '#121212',
  '--bh-rh-color-muted': '#4d4d4d',
  '--bh-rh-color-background': 'transparent',
  '--bh-rh-color-surface': '#f3f3f3',
  '--bh-rh-color-border': '#d9d9d9',
  '--bh-rh-color-accent': '#121212',
  '--bh-rh-color-on-accent': '#ffffff',
  '--bh-rh-color-focus': '#121212',
  '--bh-rh-radius': '0',
  '--bh-rh-button-radius': '0',
  '--bh-rh-density': '0.9',
} as CSSProperties

export const CustomThemeDawnLike: Story = {
  name: 'Custom theme (Dawn-like)',
  ...mockApiStory({ scenario: 'typical' }),
  decorators: [
    (Story) => (
      // The custom properties sit on an ancestor, as a theme stylesheet would set them.
      <div style={DAWN_LIKE_THEME}>
        <Story />
      </div>
    ),
  ],
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    const figure = root.querySelector('.bh-rh-figure') as HTMLElement
    await expect(getComputedStyle(figure).borderTopLeftRadius).toBe('0px')
    await expect(getComputedStyle(root).fontSize).toBe('15px')
    await expect(getComputedStyle(root).color).toBe('rgb(18, 18, 18)')
    const copy = within(root).getAllByRole('button')[0] as HTMLElement
    await expect(getComputedStyle(copy).color).toBe('rgb(18, 18, 18)')
  },
}

/** A phone-width sidebar: rows stack as cards, nothing scrolls sideways, in the dark palette. */
export const DarkNarrow: Story = {
  ...mockApiStory({ scenario: 'long-values' }),
  args: { theme: 'dark' },
  parameters: { widgetWidth: '320px' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'ready')
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth)
  },
}
