import { resolveLocale } from '../../src/i18n/locale'

describe('resolveLocale', () => {
  it('canonicalises a valid tag', () => {
    expect(resolveLocale('fr-fr')).toBe('fr-FR')
    expect(resolveLocale('zh-hant-tw')).toBe('zh-Hant-TW')
  })

  it('falls back to English for a missing or malformed tag', () => {
    expect(resolveLocale(undefined)).toBe('en')
    expect(resolveLocale('')).toBe('en')
    expect(resolveLocale('not a locale')).toBe('en')
  })
})
