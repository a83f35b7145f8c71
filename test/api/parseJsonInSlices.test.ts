import fc from 'fast-check'
import { yieldToMainThread } from '../../src/api/yieldToMainThread'
import { parseJsonInSlices, PIECE_CHARS, SLICED_FROM_LENGTH } from '../../src/api/parseJsonInSlices'

// Counts the yields to the page (and still yields for real), to see that a large body is split.
vi.mock('../../src/api/yieldToMainThread', () => import('../support/countedYieldToMainThread'))

/** A zero budget yields before every slice: the most interleaving the parse can see. */
const everySlice = { sliceBudgetMs: 0 }

/** Strings made of what a scanner for JSON can trip over. */
const trickyString = fc.string({
  unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ':', ' ', 'a', 'é', '\u2028', '\u0000', '😀', '\\"', '\\\\'),
  maxLength: 12,
})
const element = fc.oneof(fc.jsonValue(), trickyString, fc.array(trickyString, { maxLength: 4 }), fc.dictionary(trickyString, fc.jsonValue(), { maxKeys: 4 }))

/** Repeats `elements` until the array's JSON is longer than `minChars`, so the body is sliced. */
function longArray(elements: unknown[], minChars: number): unknown[] {
  // Each copy adds its elements and one comma, without the brackets.
  const size = JSON.stringify(elements).length - 1
  const copies = Math.ceil(minChars / size) + 1
  return Array.from({ length: copies }, () => elements).flat()
}

/** A body above the slicing threshold: a big `referrals` array (and maybe more) among other fields. */
const largeBody = fc
  .record({
    referrals: fc.array(element, { minLength: 1, maxLength: 12 }),
    otherArray: fc.option(fc.array(element, { minLength: 1, maxLength: 6 }), { nil: undefined }),
    otherKey: trickyString,
    fields: fc.dictionary(trickyString, fc.jsonValue(), { maxKeys: 4 }),
    indent: fc.constantFrom(undefined, 0, 1, 2, '\t', ' \n'),
  })
  .map(({ referrals, otherArray, otherKey, fields, indent }) => {
    const body: Record<string, unknown> = { ...fields, referrals: longArray(referrals, SLICED_FROM_LENGTH) }
    if (otherArray) body[`${otherKey}!`] = longArray(otherArray, PIECE_CHARS * 2)
    return JSON.stringify(body, null, indent)
  })

/** Parses with the sliced parser and tells whether the whole text went to JSON.parse (its fallback). */
async function parseWatchingFallback(text: string): Promise<{ value: unknown; parsedWhole: boolean }> {
  const parse = vi.spyOn(JSON, 'parse')
  try {
    const value = await parseJsonInSlices(text, everySlice)
    return { value, parsedWhole: parse.mock.calls.some(([input]) => input === text) }
  } finally {
    parse.mockRestore()
  }
}

/** `count` rows of about 40 characters each: above the slicing threshold from ~1,700 rows. */
function rowsJson(count: number): string {
  return JSON.stringify(Array.from({ length: count }, (_, index) => ({ id: index, note: 'a, [b] {c} "d" \\' })))
}

type Outcome = { value: unknown } | { error: string }

function plainParse(text: string): Outcome {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (error) {
    return { error: String(error) }
  }
}

async function slicedParse(text: string): Promise<Outcome> {
  try {
    return { value: await parseJsonInSlices(text, everySlice) }
  } catch (error) {
    return { error: String(error) }
  }
}

describe('parseJsonInSlices', () => {
  beforeEach(() => {
    vi.mocked(yieldToMainThread).mockClear()
  })

  it('gives exactly what JSON.parse gives for any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const text = JSON.stringify(value)
        expect(await parseJsonInSlices(text, everySlice)).toEqual(JSON.parse(text))
      }),
      { numRuns: 200 },
    )
  })

  it('gives exactly what JSON.parse gives for large bodies with a long array of arbitrary values', async () => {
    await fc.assert(
      fc.asyncProperty(largeBody, async (text) => {
        expect(text.length).toBeGreaterThanOrEqual(SLICED_FROM_LENGTH)
        const expected = JSON.parse(text) as unknown
        const { value, parsedWhole } = await parseWatchingFallback(text)
        expect(value).toEqual(expected)
        // Valid JSON never needs the fallback: the scan understood every string and bracket.
        expect(parsedWhole).toBe(false)
      }),
      { numRuns: 60 },
    )
  })

  it('fails like JSON.parse, with its error, when a large body is broken anywhere', async () => {
    const broken = fc
      .tuple(largeBody, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('', ',', ']', '}', '[', '{', '"', '\\', ' ', 'x'), fc.integer({ min: 0, max: 2 }))
      .map(([text, at, insert, removed]) => {
        const index = Math.floor(at * text.length)
        return text.slice(0, index) + insert + text.slice(index + removed)
      })
    await fc.assert(
      fc.asyncProperty(broken, async (text) => {
        expect(await slicedParse(text)).toEqual(plainParse(text))
      }),
      { numRuns: 150 },
    )
  })

  it.each([
    ['a trailing comma', (items: string) => `{"referrals":[${items},]}`],
    ['a leading comma', (items: string) => `{"referrals":[,${items}]}`],
    ['two commas in a row', (items: string) => `{"referrals":[${items.replace('},{', '},,{')}]}`],
    ['an unclosed array', (items: string) => `{"referrals":[${items}}`],
    ['text after the object', (items: string) => `{"referrals":[${items}]} x`],
    ['a missing quote', (items: string) => `{"referrals":[${items.replace('"id"', '"id')}]}`],
    // The comma after a long element is where a piece ends, so the last piece is empty: `[]`.
    ['a trailing comma after a long element', () => `{"referrals":["${'x'.repeat(PIECE_CHARS * 2)}",]}`],
  ])('throws the SyntaxError of JSON.parse for %s', async (_name, broken) => {
    const text = broken(Array.from({ length: 3_000 }, (_, index) => JSON.stringify({ id: `row-${index}`, note: 'a, [b] "c"' })).join(','))
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    await expect(parseJsonInSlices(text, everySlice)).rejects.toThrow(SyntaxError)
  })

  it.each([
    ['a small value', `{"referrals":${rowsJson(3_000)},"referrals":[1]}`],
    ['another long array', `{"referrals":${rowsJson(3_000)},"referrals":${rowsJson(2_000)}}`],
  ])('keeps the last value, as JSON.parse does, for a key repeated with %s', async (_name, text) => {
    expect(await parseJsonInSlices(text, everySlice)).toEqual(JSON.parse(text))
  })

  it('keeps a long array under the key "__proto__" as an own property, like JSON.parse, and slices it', async () => {
    const { value, parsedWhole } = await parseWatchingFallback(`{"__proto__":${rowsJson(3_000)}}`)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toHaveLength(3_000)
    expect(parsedWhole).toBe(false)
  })

  it('parses a large answer in pieces, yielding to the page in between', async () => {
    const referrals = Array.from({ length: 5_000 }, (_, index) => ({ referral_bhid: `send-${index}`, status: 'invited', note: '"[,]"' }))
    const text = JSON.stringify({ referrals, totals: { sent: 5_000 } })
    const parse = vi.spyOn(JSON, 'parse')
    try {
      expect(await parseJsonInSlices(text, everySlice)).toEqual({ referrals, totals: { sent: 5_000 } })
      const inputs = parse.mock.calls.map(([input]) => input.length)
      // Every call gets a piece, none the whole body.
      expect(Math.max(...inputs)).toBeLessThan(PIECE_CHARS * 2)
      expect(inputs.length).toBeGreaterThan(text.length / (PIECE_CHARS * 2))
    } finally {
      parse.mockRestore()
    }
    expect(vi.mocked(yieldToMainThread).mock.calls.length).toBeGreaterThan(text.length / (PIECE_CHARS * 2))
  })

  it('parses a small body in one JSON.parse call, without yielding', async () => {
    const text = JSON.stringify({ referrals: [{ referral_bhid: 'a' }] })
    const parse = vi.spyOn(JSON, 'parse')
    try {
      expect(await parseJsonInSlices(text, everySlice)).toEqual({ referrals: [{ referral_bhid: 'a' }] })
      expect(parse.mock.calls).toEqual([[text]])
    } finally {
      parse.mockRestore()
    }
    expect(yieldToMainThread).not.toHaveBeenCalled()
  })

  it('stops between slices when its signal aborts, rejecting with the signal reason', async () => {
    const controller = new AbortController()
    const text = `{"referrals":${rowsJson(5_000)}}`
    const parsing = parseJsonInSlices(text, { ...everySlice, signal: controller.signal })
    const reason = new DOMException('gone', 'AbortError')
    controller.abort(reason)
    await expect(parsing).rejects.toBe(reason)
  })
})
