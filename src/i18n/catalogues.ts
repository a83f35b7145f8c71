import { en } from './en'
import type { Messages } from './messages'

/**
 * The locales that have a catalogue. English is bundled (it is the fallback and the base every
 * override merges over); every other catalogue is its own chunk, fetched with `import()` only
 * when a widget needs it, so the script-tag embed does not carry seven languages.
 */
export const CATALOGUE_LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja', 'ar'] as const

export type CatalogueLocale = (typeof CATALOGUE_LOCALES)[number]

// Literal import() calls, one per file, so the bundler can see and split each catalogue.
const importers: Record<Exclude<CatalogueLocale, 'en'>, () => Promise<Messages>> = {
  es: () => import('./locales/es').then((module) => module.es),
  fr: () => import('./locales/fr').then((module) => module.fr),
  de: () => import('./locales/de').then((module) => module.de),
  'pt-BR': () => import('./locales/pt-BR').then((module) => module.ptBR),
  ja: () => import('./locales/ja').then((module) => module.ja),
  ar: () => import('./locales/ar').then((module) => module.ar),
}

/**
 * The catalogue that best serves `locale`: the exact tag (case-insensitive), else one of the
 * same language (`fr-CA` → `fr`, `pt-PT` → `pt-BR`, `de-AT` → `de`), else English. Script
 * subtags are not matched further because no catalogue is script-specific.
 */
export function matchCatalogueLocale(locale: string): CatalogueLocale {
  const wanted = locale.toLowerCase()
  const exact = CATALOGUE_LOCALES.find((candidate) => candidate.toLowerCase() === wanted)
  if (exact) return exact
  const language = wanted.split(/[-_]/)[0]
  const sameLanguage = CATALOGUE_LOCALES.find((candidate) => candidate.split('-')[0]?.toLowerCase() === language)
  return sameLanguage ?? 'en'
}

const loaded = new Map<CatalogueLocale, Messages>([['en', en]])
const pending = new Map<CatalogueLocale, Promise<Messages>>()

/**
 * The catalogue for `locale` if it is already in memory (English always is), else `undefined`.
 * Synchronous, so a remount, a second widget or a server render after `preloadCatalogue` shows
 * the right words on the first paint.
 */
export function loadedCatalogue(locale: string): Messages | undefined {
  return loaded.get(matchCatalogueLocale(locale))
}

/**
 * Loads the catalogue for `locale` (at most one request per catalogue however many widgets ask)
 * and keeps it for the life of the page. If the chunk cannot be fetched (offline, a CSP that
 * blocks it, a deploy that removed it), the widget falls back to English rather than loading
 * for ever: the promise resolves to `en` and a later call tries the chunk again.
 *
 * Call it before a server render (or in a test) so the first render is already translated.
 */
export function preloadCatalogue(locale: string): Promise<Messages> {
  const target = matchCatalogueLocale(locale)
  const ready = loaded.get(target)
  if (ready) return Promise.resolve(ready)
  let request = pending.get(target)
  if (!request) {
    request = importers[target as Exclude<CatalogueLocale, 'en'>]()
      .then((messages) => {
        loaded.set(target, messages)
        return messages
      })
      .catch((error: unknown) => {
        console.warn(
          `[referral-history] The "${target}" messages could not be loaded (${error instanceof Error ? error.name : 'error'}); showing English. Check that the widget's chunk files are served next to its script.`,
        )
        return en
      })
      .finally(() => pending.delete(target))
    pending.set(target, request)
  }
  return request
}
