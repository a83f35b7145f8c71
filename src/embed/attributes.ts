import { EMBED_OPTIONS, type EmbedOptionName } from './embedOptions'

export { ATTRIBUTE_NAMES } from './embedOptions'

/** Props objects read from markup: the widget holds them to the stricter rules of markup (see
 * `configSource` in ReferralHistory). Marked here, where they are made, so nothing else can claim it. */
const readFromAttributes = new WeakSet<object>()

/** An element's attributes as props (src/embed/embedOptions.ts): raw strings, absent when the
 * attribute is. Not validated yet. */
export function readAttributeProps(element: Element): Partial<Record<EmbedOptionName, string>> {
  const props: Partial<Record<EmbedOptionName, string>> = {}
  for (const [name, attribute] of Object.entries(EMBED_OPTIONS) as [EmbedOptionName, string][]) {
    const value = element.getAttribute(attribute)
    if (value !== null) props[name] = value
  }
  readFromAttributes.add(props)
  return props
}

/** Whether `props` came from {@link readAttributeProps} (markup) rather than from JavaScript. */
export function isAttributeProps(props: unknown): boolean {
  return typeof props === 'object' && props !== null && readFromAttributes.has(props)
}
