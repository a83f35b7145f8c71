import { timeSlices, type TimeSliceOptions } from './timeSlices'

/**
 * `JSON.parse(text)`, for a large body, in tasks of a few ms with yields in between.
 *
 * One `JSON.parse` of a heavy referrer's 4 MB answer is a single main-thread task the browser
 * cannot split: 10–45 ms on a slow 2-core machine, several times that on a low-end phone. So the
 * text is scanned (in slices) for the element boundaries of the arrays directly inside the
 * top-level object (the `referrals` array), the rest of the object is parsed with those arrays
 * emptied, and the elements are parsed a piece at a time with the native parser:
 * `JSON.parse('[' + piece + ']')`.
 *
 * Why not a streaming JSON parser library: a tokeniser written in JavaScript goes through the text
 * character by character and is several times slower than the native parser in total, and it adds
 * kilobytes to the embed. The scan here only looks for quotes (with `indexOf`), brackets and commas,
 * and leaves the real parsing to `JSON.parse`.
 * Why not a Web Worker: the embed is served from the merchant's CDN, and a worker script must be
 * same-origin with the page; a `blob:` worker is refused by a strict Content Security Policy.
 *
 * The result is always exactly `JSON.parse(text)`'s: whenever the scan finds something it does not
 * expect, or a piece fails to parse, the whole text goes through one plain `JSON.parse`, which then
 * either gives the value or throws the real `SyntaxError`. (Pieces that each parse to a non-empty
 * list of elements, joined by the commas between them, and an envelope that parses with an empty
 * array in their place, make a valid text with the same value.)
 */
export async function parseJsonInSlices(
  text: string,
  options: ParseJsonInSlicesOptions = {},
): Promise<unknown> {
  const whole = () => JSON.parse(text) as unknown
  if (text.length < SLICED_FROM_LENGTH) return whole()

  const slices = timeSlices(options)
  const pause = async () => {
    if (slices.due()) await slices.next()
  }

  const plan = await planSlices(text, pause)
  if (plan === null) return whole()
  let envelope: unknown
  let keys: string[]
  try {
    envelope = JSON.parse(plan.envelope)
    keys = plan.keys.map((key) => JSON.parse(key) as string)
  } catch {
    return whole()
  }
  const targets: unknown[][] = []
  for (const { key } of plan.arrays) {
    // With a repeated key JSON.parse keeps the last value only: let it decide.
    if (keys.indexOf(keys[key]!) !== key || keys.lastIndexOf(keys[key]!) !== key) return whole()
    // Own properties only: the key came from the text, and `constructor` must not find a prototype's.
    const target: unknown = Object.getOwnPropertyDescriptor(envelope, keys[key]!)?.value
    if (!Array.isArray(target) || target.length !== 0) return whole()
    targets.push(target)
  }

  for (const [index, { bounds }] of plan.arrays.entries()) {
    for (let piece = 1; piece < bounds.length; piece++) {
      await pause()
      let elements: unknown
      try {
        elements = JSON.parse(`[${text.slice(bounds[piece - 1]! + 1, bounds[piece])}]`)
      } catch {
        return whole()
      }
      // An empty piece means a stray comma (`[1,]`) that `[]` would hide.
      if (!Array.isArray(elements) || elements.length === 0) return whole()
      for (const element of elements) targets[index]!.push(element)
    }
  }
  return envelope
}

export type ParseJsonInSlicesOptions = TimeSliceOptions

/** Shorter texts go straight to `JSON.parse`: a few ms at most, not worth a scan. */
export const SLICED_FROM_LENGTH = 64 * 1024
/** Elements are parsed in pieces of about this many characters (a ms or two of `JSON.parse`);
 * an array shorter than that stays in the envelope. */
export const PIECE_CHARS = 32 * 1024
/** Characters scanned between two looks at the clock. */
const SCAN_CHARS_PER_CHECK = 64 * 1024

interface SlicePlan {
  /** The text with every long array's elements removed (`"referrals":[]`). */
  envelope: string
  /** Every key of the top-level object, as written in the text (quoted). */
  keys: string[]
  /** The long arrays: the index of their key, and the positions of their `[`, of the commas they
   * are cut at (about every {@link PIECE_CHARS} characters) and of their `]`. */
  arrays: { key: number; bounds: number[] }[]
}

/**
 * Finds the arrays directly inside a top-level object and the commas between their elements,
 * scanning in slices. It tracks only strings (skipped with `indexOf`, minding backslash escapes),
 * nesting depth and commas; it validates nothing, `JSON.parse` does. `null` when there is nothing
 * to slice or something is unexpected: the text is then parsed whole.
 */
async function planSlices(text: string, pause: () => Promise<void>): Promise<SlicePlan | null> {
  const keys: string[] = []
  const arrays: SlicePlan['arrays'] = []
  let current: SlicePlan['arrays'][number] | null = null
  let depth = 0
  // At depth 1 the next string is a key: after the object's `{` and after each of its commas.
  let expectingKey = false
  let position = 0
  for (;;) {
    const end = position + SCAN_CHARS_PER_CHECK
    while (position < end) {
      if (position >= text.length) return null
      const code = text.charCodeAt(position)
      if (code === 0x22 /* " */) {
        let close = text.indexOf('"', position + 1)
        for (;;) {
          if (close === -1) return null
          let backslashes = 0
          while (text.charCodeAt(close - 1 - backslashes) === 0x5c /* \ */) backslashes++
          // An odd run of backslashes escapes the quote.
          if (backslashes % 2 === 0) break
          close = text.indexOf('"', close + 1)
        }
        if (depth === 1 && expectingKey) {
          keys.push(text.slice(position, close + 1))
          expectingKey = false
        }
        position = close
      } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
        if (depth === 0) {
          // Only a top-level object is sliced; anything else is parsed whole.
          if (code !== 0x7b) return null
          expectingKey = true
        } else if (depth === 1 && code === 0x5b) {
          current = { key: keys.length - 1, bounds: [position] }
        }
        depth++
      } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
        depth--
        if (depth === 1 && current !== null) {
          if (code !== 0x5d) return null
          current.bounds.push(position)
          if (position - current.bounds[0]! > PIECE_CHARS) arrays.push(current)
          current = null
        } else if (depth === 0) {
          // The object closed; JSON.parse of the envelope checks that only whitespace follows.
          if (arrays.length === 0) return null
          let envelope = ''
          let from = 0
          for (const { bounds } of arrays) {
            envelope += text.slice(from, bounds[0]! + 1)
            from = bounds[bounds.length - 1]!
          }
          return { envelope: envelope + text.slice(from), keys, arrays }
        } else if (depth < 0) {
          return null
        }
      } else if (code === 0x2c /* , */) {
        if (depth === 1) {
          expectingKey = true
        } else if (depth === 2 && current !== null && position - current.bounds[current.bounds.length - 1]! >= PIECE_CHARS) {
          current.bounds.push(position)
        }
      }
      position++
    }
    await pause()
  }
}
