/** The largest CustomerReferrals2 body read: four times a heavy referrer's 10,000 rows (about
 * 4 MB). Anything bigger is a broken or hostile server, and reading it would exhaust a phone. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

export interface ReadCappedTextOptions {
  /** Stop (and cancel the download) once the body is larger. Default {@link MAX_BODY_BYTES}. */
  maxBytes?: number
  /** Checked after each chunk: the read then rejects with the signal's reason. */
  signal?: AbortSignal | undefined
}

/** The body was larger than `maxBytes`: it was not read further and its download was cancelled. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
}

/**
 * The body as text, exactly as `response.text()` gives it (UTF-8, a leading BOM dropped, bad bytes
 * replaced), but never more than `maxBytes` of it: a declared length over the limit is refused
 * before a byte is read, and the download is cancelled as soon as more arrive.
 *
 * Not in slices: it decoded 256 KB at a time with yields between until 2026-12, and measured with
 * the CPU throttled 4× on the 4 MB answer, neither that nor parsing in slices shortened the longest
 * task before the first rows (BENCHMARKS.md, "What changed").
 */
export async function readCappedText(response: Response, { maxBytes = MAX_BODY_BYTES, signal }: ReadCappedTextOptions = {}): Promise<string> {
  const body = response.body
  if (body === null) return ''
  const tooLarge = () => new BodyTooLargeError(`[referral-history] The answer is larger than ${maxBytes} bytes: it was not read.`)
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    body.cancel().catch(() => {})
    throw tooLarge()
  }
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const parts: string[] = []
  let received = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      signal?.throwIfAborted()
      received += value.length
      if (received > maxBytes) throw tooLarge()
      parts.push(decoder.decode(value, { stream: true }))
    }
  } catch (error) {
    // Stop the download too; the caller reports the error (or the abort).
    reader.cancel().catch(() => {})
    throw error
  }
  parts.push(decoder.decode())
  return parts.join('')
}
