import fc from 'fast-check'
import { BodyTooLargeError, MAX_BODY_BYTES, readCappedText } from '../../src/api/readCappedText'

/** A response whose body arrives in the given chunks, as from the network. */
function streamed(chunks: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk)
        controller.close()
      },
    }),
  )
}

/** `bytes` cut at the given fractions of its length. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((fraction) => Math.floor(fraction * bytes.length)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let from = 0
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(from, point))
    from = point
  }
  return chunks
}

describe('readCappedText', () => {
  it('gives exactly what response.text() gives, however the bytes are cut (characters split, a BOM, bad bytes)', async () => {
    const bytes = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => new TextEncoder().encode(text)),
      fc.string({ unit: 'grapheme', maxLength: 50 }).map((text) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])),
      fc.uint8Array({ maxLength: 200 }),
    )
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), async (body, at) => {
        const expected = await new Response(body).text()
        expect(await readCappedText(streamed(cut(body, at)))).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('gives an empty text for a response without a body, like response.text()', async () => {
    expect(await readCappedText(new Response(null))).toBe('')
  })

  it('stops between chunks when its signal aborts, rejecting with the signal reason, and cancels the download', async () => {
    const controller = new AbortController()
    const reason = new DOMException('gone', 'AbortError')
    let cancelled = false
    const response = new Response(
      new ReadableStream<Uint8Array>({
        pull(stream) {
          controller.abort(reason)
          stream.enqueue(new Uint8Array(1024).fill(0x61))
        },
        cancel() {
          cancelled = true
        },
      }),
    )
    await expect(readCappedText(response, { signal: controller.signal })).rejects.toBe(reason)
    expect(cancelled).toBe(true)
  })

  describe('given a body larger than 16 MB', () => {
    /** A body of 1 MB chunks without end, counting what was pulled and whether it was cancelled. */
    function endless() {
      const stats = { pulled: 0, cancelled: false }
      const chunk = new Uint8Array(1024 * 1024).fill(0x20)
      const response = new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            stats.pulled++
            controller.enqueue(chunk)
          },
          cancel() {
            stats.cancelled = true
          },
        }),
      )
      return { response, stats }
    }

    it('stops reading at the limit and cancels the download', async () => {
      const { response, stats } = endless()
      expect(MAX_BODY_BYTES).toBe(16 * 1024 * 1024)
      await expect(readCappedText(response)).rejects.toBeInstanceOf(BodyTooLargeError)
      expect(stats.cancelled).toBe(true)
      // 16 chunks fit, the 17th is one too many; the stream may have queued one more ahead.
      expect(stats.pulled).toBeLessThanOrEqual(18)
    })

    it('refuses a declared Content-Length over the limit before reading a byte', async () => {
      const { response, stats } = endless()
      const declared = new Response(response.body, { headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) } })
      await expect(readCappedText(declared)).rejects.toBeInstanceOf(BodyTooLargeError)
      expect(stats.cancelled).toBe(true)
      expect(stats.pulled).toBeLessThanOrEqual(1)
    })

    it('reads a body of exactly the limit', async () => {
      const text = await readCappedText(streamed([new Uint8Array(MAX_BODY_BYTES).fill(0x20)]))
      expect(text).toHaveLength(MAX_BODY_BYTES)
    })
  })
})
