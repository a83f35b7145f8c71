import { MAX_MONETARY_DIGITS, type MonetaryString } from '../api/types'

/**
 * Money as exact integer micro-units (millionths), the API's own precision: responses carry six
 * fractional digits. Floats never touch an amount; the only conversion is the final one to a
 * decimal string for `Intl.NumberFormat`.
 */
export type Micros = bigint

export const MICROS_PER_UNIT = 1_000_000n
const FRACTION_DIGITS = 6

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * Parses an API decimal string ("42.990000", "5", "-1.5") into micros; `null` when it is not a
 * plain decimal, or has more than 30 digits (`MAX_MONETARY_DIGITS`: the parser refuses those too;
 * a 4-million-digit amount blocked the page for about 2 s and showed "€∞"). Digits beyond the
 * sixth are rounded half away from zero: the API documents six, so more would be a server change,
 * and a sub-millionth difference never shows on screen.
 */
export function parseMonetary(value: MonetaryString | null | undefined): Micros | null {
  if (value == null) return null
  // Sign and point aside, checked before any regex or BigInt sees the string.
  if (value.length > MAX_MONETARY_DIGITS + 2 || value.replace(/[-.]/g, '').length > MAX_MONETARY_DIGITS) return null
  const match = DECIMAL.exec(value)
  if (!match) return null
  const [, sign = '', whole = '0', fraction = ''] = match
  const kept = fraction.slice(0, FRACTION_DIGITS).padEnd(FRACTION_DIGITS, '0')
  let micros = BigInt(whole) * MICROS_PER_UNIT + BigInt(kept)
  const firstDropped = fraction.charAt(FRACTION_DIGITS)
  if (firstDropped !== '' && firstDropped >= '5') micros += 1n
  return sign === '-' ? -micros : micros
}

/** Exact sum of API decimal strings. Missing and unparseable values count as nothing. */
export function sumMonetary(values: Iterable<MonetaryString | null | undefined>): Micros {
  let total = 0n
  for (const value of values) total += parseMonetary(value) ?? 0n
  return total
}

/** Micros as an exact decimal string ("42.990000" → "42.99"), the form `Intl` formats without
 * going through a float. */
export function microsToDecimalString(micros: Micros): string {
  const negative = micros < 0n
  const magnitude = negative ? -micros : micros
  const whole = magnitude / MICROS_PER_UNIT
  const fraction = (magnitude % MICROS_PER_UNIT).toString().padStart(FRACTION_DIGITS, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/** Formats micros for display. Build once with `createMoneyFormatter` when formatting many. */
export function formatMoney(micros: Micros, currency: string | null | undefined, locale: string): string {
  return createMoneyFormatter(currency, locale)(micros)
}

/**
 * Returns a formatter for one currency and locale.
 *
 * The API sends no currency code (rows carry plain amounts in the shop currency), so the currency
 * comes from the integrator. Without one, or with a code `Intl` rejects, amounts are formatted as
 * plain decimal numbers with two fraction digits, the most common minor unit: showing a guessed
 * currency symbol would be worse than showing none.
 */
export function createMoneyFormatter(currency: string | null | undefined, locale: string): (micros: Micros) => string {
  const format = numberFormatFor(currency, locale)
  // Intl.NumberFormat formats a decimal string exactly (ES2023 "Intl.NumberFormat v3"; the ES2022
  // lib typings here only list numbers). Engines without it convert the string to a Number, which
  // is still exact enough for any display-size amount.
  const formatDecimal = format.format as (value: number | bigint | string) => string
  return (micros) => formatDecimal(microsToDecimalString(micros))
}

function numberFormatFor(currency: string | null | undefined, locale: string): Intl.NumberFormat {
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency })
    } catch {
      // An invalid code is the integrator's mistake; the shopper still gets the amount.
    }
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}
