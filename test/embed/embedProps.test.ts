import { readAttributeProps } from '../../src/embed/attributes'
import { readEmbedProps } from '../../src/embed/embedProps'
import { resetReportedMessages } from '../../src/views/reportOnce'

beforeEach(() => resetReportedMessages())
afterEach(() => vi.restoreAllMocks())

describe('readAttributeProps', () => {
  it('maps every kebab-case attribute to its prop and leaves absent ones out', () => {
    const element = document.createElement('div')
    element.setAttribute('shop', 'my-shop')
    element.setAttribute('token-url', '/apps/token')
    element.setAttribute('api-base-url', '/api')
    element.setAttribute('api-version', 'v2023061')
    element.setAttribute('refer-url', '/refer')
    element.setAttribute('sign-in-url', '/account/login')
    element.setAttribute('unrelated', 'x')
    expect(readAttributeProps(element)).toEqual({
      shop: 'my-shop',
      tokenUrl: '/apps/token',
      apiBaseUrl: '/api',
      apiVersion: 'v2023061',
      referUrl: '/refer',
      signInUrl: '/account/login',
    })
  })
})

describe('readEmbedProps', () => {
  it('holds props read from markup to the rules of markup, and props from JavaScript to those of script', () => {
    const element = document.createElement('div')
    element.setAttribute('shop', 'my-shop')
    expect(readEmbedProps(readAttributeProps(element)).configSource).toBe('attributes')
    // An object that looks the same but came from a script is the script's.
    expect(readEmbedProps({ ...readAttributeProps(element) }).configSource).toBe('script')
    expect(readEmbedProps({ shop: 'my-shop', configSource: 'attributes' }).configSource).toBe('script')
  })

  it('keeps string props, trimmed, and treats blank strings as absent', () => {
    expect(readEmbedProps({ shop: ' my-shop ', token: '  ', currency: 'EUR', locale: 'fr-FR' })).toEqual({
      shop: 'my-shop',
      configSource: 'script',
      currency: 'EUR',
      locale: 'fr-FR',
    })
  })

  it('ignores values of the wrong type with a console error that names the prop, and never throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(readEmbedProps({ shop: 42, token: { raw: true }, getToken: 'nope' })).toEqual({ shop: '', configSource: 'script' })
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"shop" must be a string'))
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"getToken" must be a function'))
    for (const input of [null, undefined, 7, 'shop', []]) expect(() => readEmbedProps(input)).not.toThrow()
  })

  it('never echoes a rejected value into the console (it could be a token)', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    readEmbedProps({ shop: 'my-shop', token: 12345678901234 })
    expect(error.mock.calls.flat().join(' ')).not.toContain('12345678901234')
  })

  describe('given a same-origin token-url', () => {
    it('turns it into a token getter keyed by the absolute URL, so widgets share one request', () => {
      const props = readEmbedProps({ shop: 'my-shop', tokenUrl: '/apps/token?x=1' })
      expect(typeof props.getToken).toBe('function')
      expect(props.tokenSourceKey).toBe(`token-url:${location.origin}/apps/token?x=1`)
    })

    it('GETs the endpoint with same-origin credentials and returns its token', async () => {
      const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ token: 'header.payload.signature' }))
      const props = readEmbedProps({ shop: 'my-shop', tokenUrl: '/apps/token' })
      await expect(Promise.resolve(props.getToken?.())).resolves.toBe('header.payload.signature')
      expect(fetchSpy).toHaveBeenCalledWith(`${location.origin}/apps/token`, expect.objectContaining({ method: 'GET', credentials: 'same-origin' }))
    })

    it('rejects an answer without a token string, saying what the endpoint must answer', async () => {
      vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ jwt: 'x' }))
      const props = readEmbedProps({ shop: 'my-shop', tokenUrl: '/apps/token' })
      await expect(Promise.resolve(props.getToken?.())).rejects.toThrow('{"token":"<customer jwt>"}')
    })
  })

  describe('given a cross-origin token-url', () => {
    it('refuses it with a console error naming the fix, and sets no token source', () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const props = readEmbedProps({ shop: 'my-shop', tokenUrl: 'https://evil.example/token?session=secret' })
      expect(props.getToken).toBeUndefined()
      expect(props.tokenSourceKey).toBeUndefined()
      expect(error).toHaveBeenCalledWith(expect.stringContaining("must be on this page's origin"))
      expect(error.mock.calls.flat().join(' ')).not.toContain('session=secret')
    })

    it('refuses a javascript: URL', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      expect(readEmbedProps({ shop: 'my-shop', tokenUrl: 'javascript:alert(1)' }).getToken).toBeUndefined()
    })
  })
})

describe('given theme and messages attributes', () => {
  it('passes the theme through and parses messages JSON into overrides', () => {
    const element = document.createElement('div')
    element.setAttribute('shop', 'my-shop')
    element.setAttribute('theme', 'dark')
    element.setAttribute('messages', '{"title":"Friends you invited"}')
    expect(readEmbedProps(readAttributeProps(element))).toMatchObject({
      theme: 'dark',
      messages: { title: 'Friends you invited' },
    })
  })

  it('ignores messages that are not JSON, with one console error that does not echo them', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const props = readEmbedProps({ shop: 'my-shop', messages: '{title: oops friend@example.com' })
    expect(props.messages).toBeUndefined()
    expect(error).toHaveBeenCalledTimes(1)
    expect(String(error.mock.calls[0]?.[0])).not.toContain('friend@example.com')
  })

  it('accepts a messages object from mount()', () => {
    expect(readEmbedProps({ shop: 'my-shop', messages: { title: 'Mes parrainages' } }).messages).toEqual({ title: 'Mes parrainages' })
  })
})
