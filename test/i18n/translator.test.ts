import { en } from '../../src/i18n/en'
import type { Messages } from '../../src/i18n/messages'
import { createTranslator, formatMessage } from '../../src/i18n/translator'

const catalogue = (overrides: Partial<Messages>): Messages => ({ ...en, ...overrides })

describe('createTranslator', () => {
  it('returns the message for a key', () => {
    expect(createTranslator(en, 'en')('empty.title')).toBe('No referrals yet')
  })

  it('fills placeholders and formats numbers for the locale', () => {
    const messages = catalogue({ 'error.reference': 'Ref {code} ({count})' })
    expect(createTranslator(messages, 'en-US')('error.reference', { code: 'rate_limit_exceeded', count: 12345 })).toBe(
      'Ref rate_limit_exceeded (12,345)',
    )
    expect(createTranslator(messages, 'de-DE')('error.reference', { code: 'x', count: 12345 })).toBe('Ref x (12.345)')
  })

  it('picks the plural form with Intl.PluralRules', () => {
    const t = createTranslator(en, 'en')
    expect(t('reward.points', { count: 1 })).toBe('1 point')
    expect(t('reward.points', { count: 0 })).toBe('0 points')
    expect(t('reward.points', { count: 2500 })).toBe('2,500 points')
  })

  it('follows the rules of the locale, not English ones', () => {
    // French puts 0 in the "one" form; Polish has a "few" form.
    const messages = catalogue({ 'reward.points': { one: '{count} point', few: '{count} punkty', other: '{count} punktów' } })
    expect(createTranslator(messages, 'fr')('reward.points', { count: 0 })).toBe('0 point')
    expect(createTranslator(messages, 'pl')('reward.points', { count: 3 })).toBe('3 punkty')
    expect(createTranslator(messages, 'pl')('reward.points', { count: 5 })).toBe('5 punktów')
  })

  it('falls back to the "other" form when the locale’s form is missing', () => {
    const messages = catalogue({ 'reward.points': { other: '{count} pts' } })
    expect(createTranslator(messages, 'en')('reward.points', { count: 1 })).toBe('1 pts')
  })

  it('uses the "other" form when no count is given', () => {
    expect(createTranslator(en, 'en')('summary.friendsReferred')).toBe('Friends referred')
  })

  it('does not substitute placeholders found inside a value', () => {
    const t = createTranslator(catalogue({ 'history.group': '{channel} · {count}' }), 'en')
    expect(t('history.group', { channel: '{count}', count: 3 })).toBe('{count} · 3')
  })

  it('leaves a placeholder without a value visible', () => {
    expect(createTranslator(en, 'en')('error.reference')).toBe('Reference: {code}')
  })

  it('shows the key rather than throwing when a runtime catalogue lacks it', () => {
    const broken = { ...en } as Partial<Messages>
    delete broken['empty.title']
    expect(createTranslator(broken as Messages, 'en')('empty.title')).toBe('empty.title')
  })

  it('exposes its locale, canonicalised, and its catalogue', () => {
    const t = createTranslator(en, 'EN-gb')
    expect(t.locale).toBe('en-GB')
    expect(t.messages).toBe(en)
  })

  it('formats for English instead of throwing on an invalid locale', () => {
    expect(createTranslator(en, '!!').locale).toBe('en')
  })
})

describe('formatMessage', () => {
  it('formats one message without a translator', () => {
    expect(formatMessage(en, 'history.group', { channel: 'Shared link', count: 3 }, 'en')).toBe(
      'Shared link · used by 3 friends',
    )
    expect(formatMessage(en, 'history.group', { channel: 'QR code', count: 1 }, 'en')).toBe('QR code · used by 1 friend')
  })
})

describe('the English catalogue', () => {
  it('is JSON-serialisable, so the embed can take overrides as JSON', () => {
    expect(JSON.parse(JSON.stringify(en))).toEqual(en)
  })

  it('has no empty messages', () => {
    for (const [key, message] of Object.entries(en)) {
      const forms: Array<string | undefined> = typeof message === 'string' ? [message] : Object.values(message)
      for (const form of forms) expect(form?.trim(), key).toBeTruthy()
    }
  })
})
