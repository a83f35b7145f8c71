/**
 * The attributes of `<bubblehouse-referral-history>`. The main chunk watches them once mounted
 * (src/embed/elementLifecycle.ts); each becomes the camelCase prop of the same name (`token-url` →
 * `tokenUrl`), which it validates (`readEmbedProps`). To add an attribute, add its name here and
 * its check in `embedProps.ts` (and, if the loader's early request needs it, in `prefetch.ts`).
 */
export const ATTRIBUTE_NAMES = ['shop', 'token', 'token-url', 'currency', 'locale', 'api-base-url', 'api-version', 'refer-url', 'sign-in-url', 'theme', 'messages'] as const

type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name

export type AttributeName = (typeof ATTRIBUTE_NAMES)[number]
export type AttributePropName = CamelCase<AttributeName>

/** Props objects read from markup: the widget holds them to the stricter rules of markup (see
 * `configSource` in ReferralHistory). Marked here, where they are made, so nothing else can claim it. */
const readFromAttributes = new WeakSet<object>()

/** An element's attributes as props: raw strings, `undefined` when absent. Not validated yet. */
export function readAttributeProps(element: Element): Partial<Record<AttributePropName, string>> {
  const props: Record<string, string> = {}
  for (const name of ATTRIBUTE_NAMES) {
    const value = element.getAttribute(name)
    if (value !== null) props[name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())] = value
  }
  readFromAttributes.add(props)
  return props
}

/** Whether `props` came from {@link readAttributeProps} (markup) rather than from JavaScript. */
export function isAttributeProps(props: unknown): boolean {
  return typeof props === 'object' && props !== null && readFromAttributes.has(props)
}
