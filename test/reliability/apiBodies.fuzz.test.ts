import fc from 'fast-check'
import { parseCustomerReferrals } from '../../src/api/schema'
import type { CustomerReferrals } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { buildHistory, type HistoryModel } from '../../src/model/buildHistory'
import { arbitraryBody, hugeBody, mutatedBody, validBody, type Json } from './apiBodyArbitraries'

/**
 * Parser and model over generated CustomerReferrals2 bodies: 11,500 through the parser, 2,000
 * more through parser and model, and a few huge ones. The parser is the widget's only door for server data: it must never throw, must
 * accept every valid body with every row, and must never echo a value in its failure report.
 * The model must never throw on what the parser accepts, and must keep every row.
 */

const modelOptions = fc.record({
  locale: fc.constantFrom('en-US', 'fr-FR', 'ar-EG', 'he-IL', 'ja-JP', 'de-CH', 'hi-IN'),
  currency: fc.constantFrom(undefined, 'EUR', 'JPY', 'BHD', 'USD'),
  deanonymize: fc.boolean(),
  timeZone: fc.constantFrom(undefined, 'UTC', 'Pacific/Kiritimati'),
})
type ModelOptions = typeof modelOptions extends fc.Arbitrary<infer T> ? T : never

function build(data: CustomerReferrals, options: ModelOptions): HistoryModel {
  return buildHistory(data, { ...options, messages: en })
}

/** The model shows each parsed row exactly once, with a unique React key. */
function expectEveryRowKept(data: CustomerReferrals, model: HistoryModel): void {
  const rows = model.groups.flatMap((group) => group.rows)
  expect(model.rowCount).toBe(data.referrals.length)
  expect(rows).toHaveLength(data.referrals.length)
  expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length)
  expect(rows.map((row) => row.status).sort()).toEqual(data.referrals.map((referral) => referral.status).sort())
}

/** A guard for a loaded 2-core machine, not a speed claim. */
const FUZZ_TIMEOUT_MS = 60_000

describe('parseCustomerReferrals over generated bodies (11,500 bodies)', () => {
  it('accepts every valid body with hostile strings, unknown enum values and extra fields, with every row (4,000 bodies)', () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const parsed = parseCustomerReferrals(body)
        if (!parsed.ok) throw new Error(`refused a valid body at ${parsed.path}: ${parsed.expected}`)
        expect(parsed.data.referrals).toHaveLength((body.referrals as Json[]).length)
      }),
      { numRuns: 4_000 },
    )
  }, FUZZ_TIMEOUT_MS)

  it('never throws on a body with one field broken, deleted or retyped, and names the field it refused (4,000 bodies)', () => {
    fc.assert(
      fc.property(mutatedBody, (body) => {
        const parsed = parseCustomerReferrals(body)
        if (!parsed.ok) expect(parsed.path).toMatch(/^(\(root\)|referrals(\.\d+(\.[a-z_]+)*)?)$/)
      }),
      { numRuns: 4_000 },
    )
  }, FUZZ_TIMEOUT_MS)

  it('never throws on anything at all where the body belongs (2,500 bodies)', () => {
    fc.assert(
      fc.property(arbitraryBody, (body) => {
        const parsed = parseCustomerReferrals(body)
        expect(typeof parsed.ok).toBe('boolean')
      }),
      { numRuns: 2_500 },
    )
  }, FUZZ_TIMEOUT_MS)

  it('never echoes a value of the body in its failure report (1,000 bodies)', () => {
    // Every string value carries a marker; the report may name fields, never repeat values.
    const marked = (value: Json): Json => {
      if (typeof value === 'string') return `LEAK\u2063${value}`
      if (Array.isArray(value)) return value.map(marked)
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, marked(inner)]))
      }
      return value
    }
    let failures = 0
    fc.assert(
      fc.property(mutatedBody, (body) => {
        const parsed = parseCustomerReferrals(marked(body))
        // A failed answer names a path; an accepted one names the rows it left out. Neither a value.
        const reports = parsed.ok
          ? (parsed.data.invalidRows ?? []).map((row) => `${row.index} ${row.field} ${row.expected}`)
          : [`${parsed.path} ${parsed.expected}`]
        failures += reports.length
        for (const report of reports) expect(report).not.toContain('LEAK')
      }),
      { numRuns: 1_000 },
    )
    // Marked times and amounts are invalid, so most bodies fail: the property was exercised.
    expect(failures).toBeGreaterThan(500)
  }, FUZZ_TIMEOUT_MS)
})

describe('buildHistory over what the parser accepts (2,000 bodies)', () => {
  it('never throws on a valid body and keeps every row, in any locale and currency (1,000 bodies)', () => {
    fc.assert(
      fc.property(validBody, modelOptions, (body, options) => {
        const parsed = parseCustomerReferrals(body)
        if (!parsed.ok) throw new Error(`refused a valid body at ${parsed.path}`)
        expectEveryRowKept(parsed.data, build(parsed.data, options))
      }),
      { numRuns: 1_000 },
    )
  }, FUZZ_TIMEOUT_MS)

  it('never throws on a broken body the parser still accepts, and keeps every row (1,000 bodies)', () => {
    fc.assert(
      fc.property(mutatedBody, modelOptions, (body, options) => {
        const parsed = parseCustomerReferrals(body)
        if (parsed.ok) expectEveryRowKept(parsed.data, build(parsed.data, options))
      }),
      { numRuns: 1_000 },
    )
  }, FUZZ_TIMEOUT_MS)

  it('handles 5,000 to 12,000 rows sharing ids, or as many junk entries (4 bodies)', () => {
    fc.assert(
      fc.property(hugeBody, (body) => {
        const parsed = parseCustomerReferrals(body)
        const size = (body as { referrals: Json[] }).referrals.length
        if (parsed.ok) {
          // Every entry is either a row or named as left out.
          expect(parsed.data.referrals.length + (parsed.data.invalidRows?.length ?? 0)).toBe(size)
          expectEveryRowKept(parsed.data, build(parsed.data, { locale: 'en-US', currency: 'EUR', deanonymize: false, timeZone: 'UTC' }))
        } else {
          expect(parsed.path).toMatch(/^referrals/)
        }
      }),
      { numRuns: 4 },
    )
  }, FUZZ_TIMEOUT_MS)
})
