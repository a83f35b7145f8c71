/**
 * API times are RFC 3339 in UTC. Go's zero time (`0001-01-01T00:00:00Z`) means "no time"; the
 * schema already maps it to null, but model functions may be fed raw rows, so it is checked here
 * too.
 */
const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/

/** Epoch milliseconds of an API time, or `null` when it is absent, the zero time, or unparseable. */
export function parseApiTime(value: string | null | undefined): number | null {
  if (!value || GO_ZERO_TIME.test(value)) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

export interface FormattedDate {
  /** Shown to the shopper, e.g. "May 1, 2024". */
  text: string
  /** For `<time dateTime>`: the exact instant, ISO 8601 in UTC. */
  iso: string
}

export interface DateFormatOptions {
  /**
   * IANA time zone. Default: the shopper's own, because "when did my friend join" is a question
   * about the shopper's calendar day. Tests pass `UTC` to be deterministic.
   */
  timeZone?: string
}

/** Returns a formatter for one locale, created once for a whole list. */
export function createDateFormatter(
  locale: string,
  options: DateFormatOptions = {},
): (value: string | null | undefined) => FormattedDate | null {
  const format = dateTimeFormatFor(locale, options.timeZone)
  return (value) => {
    const ms = parseApiTime(value)
    if (ms === null) return null
    const date = new Date(ms)
    return { text: format.format(date), iso: date.toISOString() }
  }
}

export function formatDate(
  value: string | null | undefined,
  locale: string,
  options: DateFormatOptions = {},
): FormattedDate | null {
  return createDateFormatter(locale, options)(value)
}

function dateTimeFormatFor(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })
    } catch {
      // An unknown zone falls back to the shopper's own rather than breaking the list.
    }
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
}
