import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { en } from '../src/i18n/en'
import { ar } from '../src/i18n/locales/ar'
import { de } from '../src/i18n/locales/de'
import { es } from '../src/i18n/locales/es'
import { fr } from '../src/i18n/locales/fr'
import { ja } from '../src/i18n/locales/ja'
import { ptBR } from '../src/i18n/locales/pt-BR'
import type { Messages } from '../src/i18n/messages'
import { createTranslator } from '../src/i18n/translator'
import { ReferralHistory, type ReferralHistoryProps } from '../src/views/ReferralHistory'
import { mockApiStory } from './support/mockApiStory'
import { referralRows, waitForWidgetState } from './support/widgetCanvas'
import { renderWidget, widgetArgTypes, widgetArgs } from './support/widgetMeta'

/**
 * The typical history in every built-in language, each with the shop currency a store in that
 * market would use. Catalogues other than English load on demand; each play function waits for
 * the translated heading and checks direction and language attributes.
 */
const meta = {
  title: 'ReferralHistory/Languages',
  component: ReferralHistory,
  args: widgetArgs,
  argTypes: widgetArgTypes,
  render: renderWidget,
} satisfies Meta<ReferralHistoryProps>

export default meta
type Story = StoryObj<ReferralHistoryProps>

const TYPICAL_ROW_COUNT = 17

function localeStory(locale: string, currency: string, messages: Messages, dir: 'ltr' | 'rtl'): Story {
  return {
    ...mockApiStory({ scenario: 'typical' }),
    args: { locale, currency },
    async play({ canvasElement }) {
      const root = await waitForWidgetState(canvasElement, 'ready')
      const t = createTranslator(messages, locale)
      await expect(root).toHaveAttribute('dir', dir)
      await expect(root).toHaveAttribute('lang', locale)
      await expect(within(root).getByRole('heading', { level: 2 })).toHaveTextContent(t('title'))
      await expect(within(root).getByRole('columnheader', { name: t('history.column.reward') })).toBeVisible()
      await expect(referralRows(root)).toHaveLength(TYPICAL_ROW_COUNT)
      // Compared exactly: French no-break spaces must survive (toHaveTextContent would fold them).
      await expect(root.querySelector(':scope > [role="status"]')?.textContent).toBe(t('announceLoaded', { count: TYPICAL_ROW_COUNT }))
    },
  }
}

export const English: Story = localeStory('en-US', 'USD', en, 'ltr')
export const Spanish: Story = localeStory('es-ES', 'EUR', es, 'ltr')
export const French: Story = localeStory('fr-FR', 'EUR', fr, 'ltr')
/** `fr-CA` has no catalogue of its own: French words, Canadian dates and dollars. */
export const FrenchCanada: Story = localeStory('fr-CA', 'CAD', fr, 'ltr')
export const German: Story = localeStory('de-DE', 'EUR', de, 'ltr')
export const PortugueseBrazil: Story = localeStory('pt-BR', 'BRL', ptBR, 'ltr')
export const Japanese: Story = localeStory('ja-JP', 'JPY', ja, 'ltr')
/** Right to left: the layout mirrors; friends' addresses keep their own direction (`dir="auto"`). */
export const Arabic: Story = {
  ...localeStory('ar-EG', 'EGP', ar, 'rtl'),
  async play(context) {
    await localeStory('ar-EG', 'EGP', ar, 'rtl').play?.(context)
    const root = await waitForWidgetState(context.canvasElement, 'ready')
    const address = root.querySelector('.bh-rh-friend-name[dir="auto"]')
    await expect(address).not.toBeNull()
    // Mirrored: the first column (friend) sits at the right edge.
    const table = root.querySelector('table')?.getBoundingClientRect()
    const friendHeader = within(root).getByRole('columnheader', { name: ar['history.column.friend'] as string }).getBoundingClientRect()
    await expect(table && Math.abs(table.right - friendHeader.right)).toBeLessThan(2)
  },
}

/** Arabic, nothing referred yet: plural-free sentences and the call to action on the right. */
export const ArabicEmpty: Story = {
  ...mockApiStory({ scenario: 'empty' }),
  args: { locale: 'ar', referUrl: '/pages/refer' },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'empty')
    await expect(root).toHaveAttribute('dir', 'rtl')
    await expect(within(root).getByRole('link', { name: ar['empty.cta'] as string })).toBeVisible()
  },
}

/** The shop's own wording over the German catalogue (informal "du"), through the `messages` prop. */
export const GermanWithOwnWording: Story = {
  ...mockApiStory({ scenario: 'empty' }),
  args: {
    locale: 'de-DE',
    referUrl: '/pages/refer',
    messages: { title: 'Deine Empfehlungen', 'empty.cta': 'Jetzt Freunde einladen' },
  },
  async play({ canvasElement }) {
    const root = await waitForWidgetState(canvasElement, 'empty')
    await expect(within(root).getByRole('heading', { level: 2 })).toHaveTextContent('Deine Empfehlungen')
    await expect(within(root).getByRole('link', { name: 'Jetzt Freunde einladen' })).toBeVisible()
    // Not overridden: still the German catalogue.
    await expect(within(root).getByText(de['empty.title'] as string)).toBeVisible()
  },
}
