import type { MessageOverrides } from '../i18n/messages'
import type { GetToken } from '../query/customerTokens'
import type { ReferralHistoryTheme } from '../views/theme'

/**
 * Every option of the script-tag embed, once: the camelCase name `mount(element, props)` takes and
 * the attribute that carries it in markup. The watched attribute list, the props read from an
 * element and the `EmbedProps` type all come from here, so an option added here is accepted both
 * ways (test/embed/embedOptions.test.ts walks the table). The loader's early request reads its four
 * by hand (src/embed/prefetch.ts): the table would be bytes on every page.
 */
export const EMBED_OPTIONS = {
  shop: 'shop',
  token: 'token',
  tokenUrl: 'token-url',
  currency: 'currency',
  locale: 'locale',
  apiBaseUrl: 'api-base-url',
  apiVersion: 'api-version',
  referUrl: 'refer-url',
  signInUrl: 'sign-in-url',
  theme: 'theme',
  messages: 'messages',
} as const

export type EmbedOptionName = keyof typeof EMBED_OPTIONS
export type AttributeName = (typeof EMBED_OPTIONS)[EmbedOptionName]

/** The attributes the main chunk watches once a widget is mounted. */
export const ATTRIBUTE_NAMES = Object.values(EMBED_OPTIONS) as AttributeName[]

/** Options whose JavaScript value is more than the attribute's text. */
interface TypedOptionValues {
  theme: ReferralHistoryTheme
  /** An object, or JSON text as in the attribute. */
  messages: MessageOverrides | string
}

/**
 * What `BubblehouseReferralHistory.mount(element, props)` accepts: every attribute, in camelCase
 * (README "Attributes" says what each means), plus `getToken`. Plain-JS callers pass anything, so
 * the main chunk checks every field at runtime (`readEmbedProps`); wrong types are reported in the
 * console and ignored, never thrown.
 */
export type EmbedProps = {
  [Name in EmbedOptionName]?: Name extends keyof TypedOptionValues ? TypedOptionValues[Name] : string
} & {
  /** A function that returns a customer token (JS API only). */
  getToken?: GetToken
}
