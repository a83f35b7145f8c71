import type { MessageOverrides } from '../i18n/messages'
import { parseMessagesAttribute } from '../i18n/parseMessagesAttribute'
import type { GetToken } from '../query/customerReferralsQueryOptions'
import type { ReferralHistoryProps } from '../views/ReferralHistory'
import { reportOnce } from '../views/reportOnce'
import { isAttributeProps } from './attributes'
import { EMBED_OPTIONS, type EmbedOptionName } from './embedOptions'
import { tokenUrlSource } from './tokenUrl'

/** The props of `ReferralHistory` the embed sets from attributes or `mount(element, props)`. */
export type EmbedWidgetProps = Pick<
  ReferralHistoryProps,
  | 'shop'
  | 'token'
  | 'getToken'
  | 'tokenSourceKey'
  | 'currency'
  | 'locale'
  | 'apiBaseUrl'
  | 'apiVersion'
  | 'referUrl'
  | 'signInUrl'
  | 'theme'
  | 'messages'
  | 'configSource'
>

/** Options with a reading of their own below; every other option of the table is a string prop of
 * the root with the same name (an option added to the table that is not fails to compile here). */
type SpecialOption = 'tokenUrl' | 'theme' | 'messages'
const STRING_PROPS = (Object.keys(EMBED_OPTIONS) as EmbedOptionName[]).filter(
  (name): name is Exclude<EmbedOptionName, SpecialOption> => name !== 'tokenUrl' && name !== 'theme' && name !== 'messages',
)

/**
 * Checks untyped input (attribute strings, or whatever a plain-JS caller passed to `mount`) and
 * returns the root's props. Never throws: a value of the wrong type is reported in the console
 * and left out, and the root then shows its config-error state if something required is missing.
 * Blank strings count as absent, so `token=""` falls back to `token-url`.
 */
export function readEmbedProps(input: unknown): EmbedWidgetProps {
  const source: Record<string, unknown> = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}
  if (source !== input) reportOnce('error', '[referral-history] mount(element, props): props must be an object such as { shop: "my-shop", tokenUrl: "/apps/bubblehouse/token" }.')

  // Markup is held to stricter rules than JavaScript (api-base-url: see resolveConfig).
  const props: EmbedWidgetProps = { shop: '', configSource: isAttributeProps(input) ? 'attributes' : 'script' }
  for (const name of STRING_PROPS) {
    const value = readString(source, name)
    if (value !== undefined) props[name] = value
  }

  // The root checks the theme value itself (and warns on an unknown one).
  const theme = readString(source, 'theme')
  if (theme !== undefined) props.theme = theme as EmbedWidgetProps['theme']

  // `messages` is JSON text from the attribute, or an object from mount(); the root merges
  // either over the catalogue key by key and skips (with a warning) anything malformed.
  const messages = Object.hasOwn(source, 'messages') ? source.messages : undefined
  if (typeof messages === 'string') {
    props.messages = parseMessagesAttribute(messages) ?? undefined
  } else if (typeof messages === 'object' && messages !== null) {
    props.messages = messages as MessageOverrides
  } else if (messages !== undefined) {
    reportOnce('error', '[referral-history] "messages" must be an object (or JSON text in the attribute) of message overrides.')
  }

  const getToken = Object.hasOwn(source, 'getToken') ? source.getToken : undefined
  if (typeof getToken === 'function') {
    props.getToken = getToken as GetToken
  } else if (getToken !== undefined) {
    reportOnce('error', '[referral-history] "getToken" must be a function that returns the customer token.')
  }

  const tokenUrl = readString(source, 'tokenUrl')
  if (tokenUrl !== undefined && props.getToken === undefined) {
    const tokenSource = tokenUrlSource(tokenUrl)
    if (tokenSource) Object.assign(props, tokenSource)
  }
  return props
}

function readString(source: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(source, name) ? source[name] : undefined
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    reportOnce('error', `[referral-history] "${name}" must be a string; the value given was ignored.`)
    return undefined
  }
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}
