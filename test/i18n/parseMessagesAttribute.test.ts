import { parseMessagesAttribute } from '../../src/i18n/parseMessagesAttribute'

describe('parseMessagesAttribute', () => {
  let error: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    error = vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => error.mockRestore())

  it('returns the overrides of a JSON object', () => {
    expect(parseMessagesAttribute('{"title":"Your rewards","reward.points":{"one":"{count} star","other":"{count} stars"}}')).toEqual({
      title: 'Your rewards',
      'reward.points': { one: '{count} star', other: '{count} stars' },
    })
    expect(error).not.toHaveBeenCalled()
  })

  it('treats a missing or blank attribute as no overrides, silently', () => {
    expect(parseMessagesAttribute(null)).toBeNull()
    expect(parseMessagesAttribute(undefined)).toBeNull()
    expect(parseMessagesAttribute('  ')).toBeNull()
    expect(error).not.toHaveBeenCalled()
  })

  it('reports invalid JSON with the fix and without echoing the attribute', () => {
    expect(parseMessagesAttribute("{title: 'Your rewards'}")).toBeNull()
    expect(error).toHaveBeenCalledTimes(1)
    const message = String(error.mock.calls[0]?.[0])
    expect(message).toMatch(/^\[referral-history\] The "messages" attribute is not valid JSON/)
    expect(message).toContain('double-quoted keys')
    expect(message).not.toContain("'Your rewards'")
  })

  it('reports JSON that is not an object', () => {
    expect(parseMessagesAttribute('["title"]')).toBeNull()
    expect(parseMessagesAttribute('"title"')).toBeNull()
    expect(parseMessagesAttribute('null')).toBeNull()
    expect(error).toHaveBeenCalledTimes(3)
    expect(String(error.mock.calls[0]?.[0])).toContain('must be a JSON object')
  })
})
