import { readAttributeProps } from '../../src/embed/attributes'
import { ATTRIBUTE_NAMES, EMBED_OPTIONS, type EmbedOptionName } from '../../src/embed/embedOptions'
import { readEmbedProps } from '../../src/embed/embedProps'
import { resetReportedMessages } from '../../src/views/reportOnce'

beforeEach(() => resetReportedMessages())

/** A usable value for every option of the table: a new option fails to compile until it has one. */
const SAMPLES: Record<EmbedOptionName, string> = {
  shop: 'my-shop',
  token: 'header.payload.signature',
  tokenUrl: '/apps/bubblehouse/customer-token',
  currency: 'USD',
  locale: 'fr-FR',
  apiBaseUrl: '/api',
  apiVersion: 'v2023061',
  referUrl: '/pages/refer',
  signInUrl: '/account/login',
  theme: 'dark',
  messages: '{"title":"Friends you invited"}',
}

const entries = Object.entries(EMBED_OPTIONS) as [EmbedOptionName, string][]

describe('the table of embed options', () => {
  it('names each attribute as the kebab-case of its prop, and watches exactly those attributes', () => {
    for (const [name, attribute] of entries) {
      expect(attribute.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())).toBe(name)
    }
    expect([...ATTRIBUTE_NAMES].sort()).toEqual(entries.map(([, attribute]) => attribute).sort())
  })

  it.each(entries)('takes %s from mount() exactly as it takes the attribute %s', (name, attribute) => {
    const element = document.createElement('div')
    element.setAttribute(attribute, SAMPLES[name])
    const fromMarkup = readEmbedProps(readAttributeProps(element))
    const fromScript = readEmbedProps({ [name]: SAMPLES[name] })

    const { configSource: markup, getToken: markupGetToken, ...markupProps } = fromMarkup
    const { configSource: script, getToken: scriptGetToken, ...scriptProps } = fromScript
    expect([markup, script]).toEqual(['attributes', 'script'])
    expect(scriptProps).toEqual(markupProps)
    expect(typeof scriptGetToken).toBe(typeof markupGetToken)
    // The option did something: it is not silently dropped on either path.
    expect(fromScript).not.toEqual(readEmbedProps({}))
  })
})
