/**
 * Bench variant (figure 11): the answer read as the widget read it before `readTextInSlices`, with
 * one `response.text()`, a single task for the whole body. Swapped in for `./readTextInSlices` by
 * the "unsliced" embed build (buildBundles.ts); never shipped.
 */
import { BodyTooLargeError, MAX_BODY_BYTES, type ReadTextInSlicesOptions } from '../../../src/api/readTextInSlices'

export { BodyTooLargeError, MAX_BODY_BYTES }

export async function readTextInSlices(response: Response, options: ReadTextInSlicesOptions = {}): Promise<string> {
  const text = await response.text()
  // The same cap, checked after the fact (the bench's answers are far below it).
  if (text.length > (options.maxBytes ?? MAX_BODY_BYTES)) throw new BodyTooLargeError('[bench] too large')
  return text
}
