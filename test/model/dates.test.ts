import { createDateFormatter, formatDate, parseApiTime } from '../../src/model/dates'

describe('parseApiTime', () => {
  it('reads RFC 3339 times', () => {
    expect(parseApiTime('2020-01-15T10:30:00Z')).toBe(Date.UTC(2020, 0, 15, 10, 30))
    expect(parseApiTime('2020-01-15T10:30:00.123+02:00')).toBe(Date.UTC(2020, 0, 15, 8, 30, 0, 123))
  })

  it('treats Go’s zero time as no time', () => {
    expect(parseApiTime('0001-01-01T00:00:00Z')).toBeNull()
    expect(parseApiTime('0001-01-01T00:00:00.000Z')).toBeNull()
  })

  it('returns null for missing or unreadable values', () => {
    expect(parseApiTime(null)).toBeNull()
    expect(parseApiTime(undefined)).toBeNull()
    expect(parseApiTime('')).toBeNull()
    expect(parseApiTime('yesterday-ish')).toBeNull()
  })
})

describe('formatDate', () => {
  it('formats a medium date in the given locale and zone, with an ISO value for <time>', () => {
    expect(formatDate('2024-05-01T12:00:00Z', 'en-US', { timeZone: 'UTC' })).toEqual({
      text: 'May 1, 2024',
      iso: '2024-05-01T12:00:00.000Z',
    })
    expect(formatDate('2024-05-01T12:00:00Z', 'fr-FR', { timeZone: 'UTC' })?.text).toBe('1 mai 2024')
  })

  it('shows the calendar day of the shopper’s zone', () => {
    expect(formatDate('2024-05-01T23:30:00Z', 'en-US', { timeZone: 'Asia/Tokyo' })?.text).toBe('May 2, 2024')
    expect(formatDate('2024-05-01T02:00:00Z', 'en-US', { timeZone: 'America/New_York' })?.text).toBe('Apr 30, 2024')
  })

  it('returns null for the zero time and invalid times', () => {
    expect(formatDate('0001-01-01T00:00:00Z', 'en-US')).toBeNull()
    expect(formatDate('not a time', 'en-US')).toBeNull()
    expect(formatDate(null, 'en-US')).toBeNull()
  })

  it('falls back to the default zone instead of throwing on an unknown one', () => {
    expect(formatDate('2024-05-01T12:00:00Z', 'en-US', { timeZone: 'Mars/Olympus' })?.iso).toBe(
      '2024-05-01T12:00:00.000Z',
    )
  })

  it('formats many dates with one formatter', () => {
    const format = createDateFormatter('en-GB', { timeZone: 'UTC' })
    expect(format('2024-12-25T00:00:00Z')?.text).toBe('25 Dec 2024')
  })
})
