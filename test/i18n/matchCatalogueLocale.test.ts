import { CATALOGUE_LOCALES, loadedCatalogue, matchCatalogueLocale, preloadCatalogue } from '../../src/i18n/catalogues'
import { en } from '../../src/i18n/en'
import { de } from '../../src/i18n/locales/de'
import { fr } from '../../src/i18n/locales/fr'

describe('matchCatalogueLocale', () => {
  it.each([
    ['en-US', 'en'],
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-fr', 'fr'],
    ['de-AT', 'de'],
    ['es-419', 'es'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['ja-JP', 'ja'],
    ['ar-EG', 'ar'],
    ['nl-NL', 'en'],
    ['he', 'en'],
  ])('serves %s with the %s catalogue', (locale, expected) => {
    expect(matchCatalogueLocale(locale)).toBe(expected)
  })

  it('covers at least the seven launch languages', () => {
    expect(CATALOGUE_LOCALES).toEqual(expect.arrayContaining(['en', 'es', 'fr', 'de', 'pt-BR', 'ja', 'ar']))
  })
})

describe('preloadCatalogue', () => {
  it('has English in memory from the start', () => {
    expect(loadedCatalogue('en-GB')).toBe(en)
    expect(loadedCatalogue('xx')).toBe(en)
  })

  it('loads a catalogue on demand and keeps it for synchronous use', async () => {
    expect(loadedCatalogue('de-CH')).toBeUndefined()
    await expect(preloadCatalogue('de-CH')).resolves.toBe(de)
    expect(loadedCatalogue('de')).toBe(de)
  })

  it('shares one load between concurrent callers', async () => {
    const [first, second] = await Promise.all([preloadCatalogue('fr-CA'), preloadCatalogue('fr-FR')])
    expect(first).toBe(fr)
    expect(second).toBe(first)
  })
})
