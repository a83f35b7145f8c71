import fc from 'fast-check'
import { createMoneyFormatter, formatMoney, microsToDecimalString, parseMonetary, sumMonetary } from '../../src/model/money'

describe('parseMonetary', () => {
  it('refuses more than 30 digits (a 4-million-digit amount blocked the page and showed €∞)', () => {
    expect(parseMonetary(`${'9'.repeat(24)}.${'9'.repeat(6)}`)).toBe(999_999_999_999_999_999_999_999_999_999n)
    expect(parseMonetary(`-${'9'.repeat(24)}.${'9'.repeat(6)}`)).toBe(-999_999_999_999_999_999_999_999_999_999n)
    expect(parseMonetary('9'.repeat(31))).toBeNull()
    expect(parseMonetary(`1.${'0'.repeat(30)}`)).toBeNull()
    expect(parseMonetary('1'.repeat(4_000_000))).toBeNull()
    expect(sumMonetary(['1'.repeat(4_000_000), '2.5'])).toBe(2_500_000n)
  })

  it('reads the API six-digit form exactly', () => {
    expect(parseMonetary('42.990000')).toBe(42_990_000n)
  })

  it('reads whole numbers, short fractions and negatives', () => {
    expect(parseMonetary('5')).toBe(5_000_000n)
    expect(parseMonetary('-1.5')).toBe(-1_500_000n)
    expect(parseMonetary('0.000001')).toBe(1n)
  })

  it('keeps amounts far beyond the float-safe range exact', () => {
    expect(parseMonetary('90071992547409931.000001')).toBe(90_071_992_547_409_931_000_001n)
  })

  it('rounds digits beyond the sixth half away from zero', () => {
    expect(parseMonetary('1.0000004')).toBe(1_000_000n)
    expect(parseMonetary('1.0000005')).toBe(1_000_001n)
    expect(parseMonetary('-1.0000005')).toBe(-1_000_001n)
  })

  it('refuses anything that is not a plain decimal', () => {
    for (const bad of ['', 'abc', '1e3', '1,50', '.5', '5.', ' 5', '--1', 'NaN']) {
      expect(parseMonetary(bad), bad).toBeNull()
    }
    expect(parseMonetary(null)).toBeNull()
    expect(parseMonetary(undefined)).toBeNull()
  })
})

describe('sumMonetary', () => {
  it('adds 0.1 and 0.2 to exactly 0.3, where floats give 0.30000000000000004', () => {
    expect(sumMonetary(['0.100000', '0.200000'])).toBe(300_000n)
    expect(microsToDecimalString(sumMonetary(['0.1', '0.2']))).toBe('0.3')
  })

  it('adds ten thousand cents to exactly 100', () => {
    expect(sumMonetary(Array.from({ length: 10_000 }, () => '0.010000'))).toBe(100_000_000n)
  })

  it('skips missing and unreadable values instead of failing', () => {
    expect(sumMonetary(['1.5', null, undefined, 'oops', '-0.5'])).toBe(1_000_000n)
  })

  it('equals the exact sum of the parts for any amounts', () => {
    const micros = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })
    fc.assert(
      fc.property(fc.array(micros, { maxLength: 50 }), (parts) => {
        const expected = parts.reduce((a, b) => a + b, 0n)
        expect(sumMonetary(parts.map(microsToDecimalString))).toBe(expected)
      }),
    )
  })
})

describe('microsToDecimalString', () => {
  it('writes the shortest exact decimal', () => {
    expect(microsToDecimalString(42_990_000n)).toBe('42.99')
    expect(microsToDecimalString(5_000_000n)).toBe('5')
    expect(microsToDecimalString(-1_500_000n)).toBe('-1.5')
    expect(microsToDecimalString(-1n)).toBe('-0.000001')
    expect(microsToDecimalString(0n)).toBe('0')
  })

  it('round-trips through parseMonetary', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (micros) => {
        expect(parseMonetary(microsToDecimalString(micros))).toBe(micros)
      }),
    )
  })
})

describe('formatMoney', () => {
  it('formats in the shop currency and locale', () => {
    expect(formatMoney(42_990_000n, 'USD', 'en-US')).toBe('$42.99')
    expect(formatMoney(1_234_500_000n, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€')
  })

  it('uses the currency’s own minor units', () => {
    expect(formatMoney(500_000_000n, 'JPY', 'en-US')).toBe('¥500')
  })

  it('formats negative amounts', () => {
    expect(formatMoney(-1_500_000n, 'USD', 'en-US')).toBe('-$1.50')
  })

  it('does not lose cents on amounts beyond float precision', () => {
    expect(formatMoney(12_345_678_901_234_567_120_000n, 'USD', 'en-US')).toBe('$12,345,678,901,234,567.12')
  })

  it('shows a plain two-decimal number when no currency is known', () => {
    expect(formatMoney(5_000_000n, undefined, 'en-US')).toBe('5.00')
    expect(formatMoney(5_000_000n, null, 'fr-FR')).toBe('5,00')
  })

  it('falls back to a plain number when the currency code is not one Intl knows', () => {
    expect(formatMoney(5_000_000n, 'not-a-currency', 'en-US')).toBe('5.00')
  })

  it('formats many amounts with one formatter', () => {
    const format = createMoneyFormatter('GBP', 'en-GB')
    expect([1_000_000n, 2_500_000n].map(format)).toEqual(['£1.00', '£2.50'])
  })
})
