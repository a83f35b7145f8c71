import { en } from '../../src/i18n/en'
import { isMessage, mergeMessages } from '../../src/i18n/mergeMessages'

describe('mergeMessages', () => {
  let warn: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => warn.mockRestore())

  it('returns English when there are no overrides', () => {
    expect(mergeMessages(undefined)).toBe(en)
    expect(mergeMessages(null)).toBe(en)
  })

  it('replaces the overridden messages and keeps the rest', () => {
    const merged = mergeMessages({ 'empty.title': 'Nothing here yet', 'reward.points': { one: '{count} star', other: '{count} stars' } })
    expect(merged['empty.title']).toBe('Nothing here yet')
    expect(merged['reward.points']).toEqual({ one: '{count} star', other: '{count} stars' })
    expect(merged['error.title']).toBe(en['error.title'])
    expect(warn).not.toHaveBeenCalled()
  })

  it('accepts overrides parsed from JSON', () => {
    const merged = mergeMessages(JSON.parse('{"error.retry":"Try again"}'))
    expect(merged['error.retry']).toBe('Try again')
  })

  it('does not change the English catalogue', () => {
    mergeMessages({ 'empty.title': 'Changed' })
    expect(en['empty.title']).toBe('No referrals yet')
  })

  it('skips an unknown key and says which one', () => {
    const merged = mergeMessages({ 'empty.titel': 'typo' })
    expect(merged).toEqual(en)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"empty.titel"'))
  })

  it('skips a malformed message and keeps the English one', () => {
    const merged = mergeMessages({ 'empty.title': 42, 'error.title': { one: 'no other form' }, 'error.body': { other: 'ok', bogus: 'x' } })
    expect(merged['empty.title']).toBe(en['empty.title'])
    expect(merged['error.title']).toBe(en['error.title'])
    expect(merged['error.body']).toBe(en['error.body'])
    expect(warn).toHaveBeenCalledTimes(3)
  })

  it('ignores keys inherited from Object.prototype', () => {
    const merged = mergeMessages(JSON.parse('{"__proto__":{"polluted":"yes"},"toString":"x"}'))
    expect(merged).toEqual(en)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses overrides that are not an object', () => {
    expect(mergeMessages('hello')).toBe(en)
    expect(mergeMessages(['a'])).toBe(en)
    expect(warn).toHaveBeenCalledTimes(2)
  })
})

describe('isMessage', () => {
  it('accepts strings and plural objects with an "other" form', () => {
    expect(isMessage('x')).toBe(true)
    expect(isMessage({ other: 'x' })).toBe(true)
    expect(isMessage({ zero: 'a', one: 'b', two: 'c', few: 'd', many: 'e', other: 'f' })).toBe(true)
  })

  it('refuses functions, numbers and incomplete plurals', () => {
    expect(isMessage(() => 'x')).toBe(false)
    expect(isMessage(1)).toBe(false)
    expect(isMessage({ one: 'x' })).toBe(false)
    expect(isMessage({ other: 1 })).toBe(false)
    expect(isMessage(null)).toBe(false)
  })
})
