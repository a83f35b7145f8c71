import { resolveLocale } from './locale'
import type { Message, MessageKey, MessageValues, Messages, PluralMessage } from './messages'

/** Looks up and fills in one message. Bound to a catalogue and locale by `createTranslator`. */
export interface Translator {
  (key: MessageKey, values?: MessageValues): string
  /** The canonical locale the translator formats for. */
  readonly locale: string
  /** The catalogue it reads, so models that take a catalogue can be fed from a translator. */
  readonly messages: Messages
}

const PLACEHOLDER = /\{(\w+)\}/g

/**
 * Formats one message. Prefer `createTranslator` when formatting many messages: it creates the
 * `Intl` objects once instead of on every call.
 */
export function formatMessage(
  messages: Messages,
  key: MessageKey,
  values: MessageValues | undefined,
  locale: string,
): string {
  return createTranslator(messages, locale)(key, values)
}

export function createTranslator(messages: Messages, locale: string): Translator {
  const resolved = resolveLocale(locale)
  // Created on first use, once: the first `Intl.PluralRules` of a page loads the locale's plural
  // data, about a fifth of the main chunk's first task on issue 18's phone profile (CPU profile),
  // and the loading state that task renders needs neither (BENCHMARKS.md figure 15).
  let pluralRules: Intl.PluralRules | undefined
  let numberFormat: Intl.NumberFormat | undefined
  const plurals = () => (pluralRules ??= new Intl.PluralRules(resolved))
  const numbers = () => (numberFormat ??= new Intl.NumberFormat(resolved))

  const translate = (key: MessageKey, values?: MessageValues): string => {
    const message: Message | undefined = messages[key]
    // A catalogue assembled at runtime (JSON overrides) may lack a key despite its type; showing
    // the key is more useful to whoever fixes it than throwing inside a shopper's page.
    if (message === undefined) return key
    const template = typeof message === 'string' ? message : selectPluralForm(message, values?.count, plurals)
    if (template === undefined) return key
    return interpolate(template, values, numbers)
  }
  return Object.assign(translate, { locale: resolved, messages })
}

function selectPluralForm(message: PluralMessage, count: unknown, rules: () => Intl.PluralRules): string | undefined {
  if (typeof count !== 'number') return message.other
  return message[rules().select(count)] ?? message.other
}

/** Single pass, so a value that itself contains `{name}` is never substituted again. A placeholder
 * without a value stays visible: a gap in the sentence would hide the mistake. */
function interpolate(template: string, values: MessageValues | undefined, numbers: () => Intl.NumberFormat): string {
  if (values === undefined) return template
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole
    const value = values[name]
    if (typeof value === 'number') return numbers().format(value)
    return value ?? whole
  })
}
