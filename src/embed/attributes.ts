/**
 * The one attribute → prop table of `<bubblehouse-referral-history>`. The loader observes these
 * attribute names; the main chunk validates the props they become (`readEmbedProps`). To add an
 * attribute, add a row here and its check in `embedProps.ts`.
 */
export const ATTRIBUTE_PROPS = {
  shop: 'shop',
  token: 'token',
  'token-url': 'tokenUrl',
  currency: 'currency',
  locale: 'locale',
  'api-base-url': 'apiBaseUrl',
  'api-version': 'apiVersion',
  'refer-url': 'referUrl',
  theme: 'theme',
  messages: 'messages',
} as const

export type AttributeName = keyof typeof ATTRIBUTE_PROPS
export type AttributePropName = (typeof ATTRIBUTE_PROPS)[AttributeName]

/** An element's attributes as props: raw strings, `undefined` when absent. Not validated yet. */
export function readAttributeProps(element: Element): Partial<Record<AttributePropName, string>> {
  const props: Partial<Record<AttributePropName, string>> = {}
  for (const name of Object.keys(ATTRIBUTE_PROPS) as AttributeName[]) {
    const value = element.getAttribute(name)
    if (value !== null) props[ATTRIBUTE_PROPS[name]] = value
  }
  return props
}
