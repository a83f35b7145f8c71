import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { en } from '../../src/i18n/en'
import { ar } from '../../src/i18n/locales/ar'
import { de } from '../../src/i18n/locales/de'
import { es } from '../../src/i18n/locales/es'
import { fr } from '../../src/i18n/locales/fr'
import { ja } from '../../src/i18n/locales/ja'
import { ptBR } from '../../src/i18n/locales/pt-BR'
import type { Message, MessageKey, Messages } from '../../src/i18n/messages'
import { createTranslator } from '../../src/i18n/translator'

const TRANSLATIONS: ReadonlyArray<[locale: string, messages: Messages]> = [
  ['es', es],
  ['fr', fr],
  ['de', de],
  ['pt-BR', ptBR],
  ['ja', ja],
  ['ar', ar],
]

const keys = Object.keys(en) as MessageKey[]
const placeholdersOf = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))
const formsOf = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message))
const placeholderUnion = (message: Message) =>
  [...new Set(formsOf(message).flatMap((form) => [...placeholdersOf(form)]))].sort()

/** How many integers in 0…1000 a plural category covers in a locale: a form may spell out its
 * number ("نقطتان", two points) only when its category stands for exactly one number. */
function integersIn(locale: string, category: Intl.LDMLPluralRule): number {
  const rules = new Intl.PluralRules(locale)
  let count = 0
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) count++
  return count
}

describe.each(TRANSLATIONS)('the %s catalogue', (locale, messages) => {
  it('has exactly the keys of the English catalogue', () => {
    expect(Object.keys(messages).sort()).toEqual([...keys].sort())
  })

  it('has no empty message', () => {
    for (const key of keys) {
      for (const form of formsOf(messages[key])) expect(form.trim(), key).not.toBe('')
    }
  })

  it('uses the same placeholders as English in every message', () => {
    for (const key of keys) {
      expect(placeholderUnion(messages[key]), key).toEqual(placeholderUnion(en[key]))
    }
  })

  it('gives every plural message exactly the plural forms the language has', () => {
    const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort()
    for (const key of keys) {
      const message = messages[key]
      if (typeof en[key] === 'string') continue
      expect(typeof message, key).toBe('object')
      expect(Object.keys(message).sort(), key).toEqual(categories)
    }
  })

  it('shows the number in every plural form that stands for more than one number', () => {
    for (const key of keys) {
      const message = messages[key]
      if (typeof message === 'string' || !formsOf(en[key]).some((form) => form.includes('{count}'))) continue
      for (const [category, form] of Object.entries(message)) {
        if (integersIn(locale, category as Intl.LDMLPluralRule) > 1) {
          expect(form, `${key}.${category}`).toContain('{count}')
        }
      }
    }
  })

  it('is a translation, not a copy of the English wording', () => {
    // Brand names (Facebook, WhatsApp…) and "≈ {amount}" rightly stay the same.
    const copied = keys.filter((key) => JSON.stringify(messages[key]) === JSON.stringify(en[key]))
    expect(copied.length / keys.length).toBeLessThan(0.25)
    expect(messages.title).not.toBe(en.title)
  })
})

describe('plural forms in use', () => {
  it('reads Arabic points in all six forms', () => {
    const t = createTranslator(ar, 'ar')
    const [zero, one, two, few, many, other] = [0, 1, 2, 3, 11, 100].map((count) => t('reward.points', { count }))
    expect(one).toBe('نقطة واحدة')
    expect(two).toBe('نقطتان')
    // 3–10 take the plural noun; 0, 11–99 and 100+ the singular one, after the number.
    for (const form of [zero, few, many, other]) expect(form).toMatch(/^\S+ نق(اط|طة)$/)
    expect(few).toMatch(/نقاط$/)
    expect(many).toMatch(/نقطة$/)
  })

  it('reads French zero as singular and a million with "de"', () => {
    const t = createTranslator(fr, 'fr')
    expect(t('reward.points', { count: 0 })).toBe('0 point')
    expect(t('reward.points', { count: 1_000_000 })).toBe('1\u202f000\u202f000 de points')
    expect(t('reward.points', { count: 12 })).toBe('12 points')
  })

  it('reads Japanese counts with one form and a locale-formatted number', () => {
    expect(createTranslator(ja, 'ja')('reward.points', { count: 2500 })).toBe('2,500ポイント')
  })
})

describe('bundling', () => {
  it('never imports a non-English catalogue statically, so each stays its own chunk', () => {
    const offenders: string[] = []
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) visit(path)
        else if (/\.tsx?$/.test(entry.name) && !path.includes(join('i18n', 'locales'))) {
          const source = readFileSync(path, 'utf8')
          if (/^\s*(import|export)[^;()]*from\s+['"][^'"]*locales\//m.test(source)) offenders.push(path)
        }
      }
    }
    visit(join(__dirname, '../../src'))
    expect(offenders).toEqual([])
  })
})
