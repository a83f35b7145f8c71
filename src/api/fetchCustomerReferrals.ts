import { BubblehouseApiError, CLIENT_ERROR_CODES } from './BubblehouseApiError'
import { customerReferralsInit, customerReferralsUrl } from './customerReferralsRequest'
import { ownOptions } from './ownOptions'
import { BodyTooLargeError, readCappedText } from './readCappedText'
import { redactSecrets } from './redact'
import { parseCustomerReferralsAsync, type ParseResult } from './schema'
import { yieldToMainThread } from '../scheduling/yieldToMainThread'
import type { CustomerReferrals } from './types'

export { customerReferralsUrl, DEFAULT_API_BASE_URL, DEFAULT_API_VERSION } from './customerReferralsRequest'

export interface FetchCustomerReferralsOptions {
  /** Shop slug, e.g. `my-shop`. */
  shop: string
  /** Customer token (HS256 JWT minted by the merchant's server). Sent only as a Bearer header. */
  token: string
  /** Default `https://app.bubblehouse.com/api`. A relative base resolves against the document. */
  apiBaseUrl?: string
  /** Global API version segment. Default `v2023061`. */
  apiVersion?: string
  /** Ask for unmasked destinations. Only honoured for admin-level tokens; never set it in a
   * customer-facing page unless you mean to. Default `false` (the field is then not sent). */
  deanonymize?: boolean
  signal?: AbortSignal
  /** Sends the request. Default: the page's `fetch`. (The script-tag embed passes one that answers
   * with the request its loader started while the widget's code downloaded.) */
  fetch?: SendRequest
}

/** What sends the request: `fetch`'s shape, for a URL string and its options. */
export type SendRequest = (url: string, init: RequestInit) => Promise<Response>

/**
 * Calls CustomerReferrals2 once: POST with a JSON body (the API's recommended style), the token in
 * `Authorization: Bearer`. Resolves with the parsed, typed history; rejects with a
 * `BubblehouseApiError` for every failure except an abort, which rejects with the signal's reason,
 * and options that cannot build the URL (a `shop` that is not a slug, an `apiVersion` that is not
 * `v` + digits, an unparsable `apiBaseUrl`), which reject with a `TypeError` that says the fix.
 * Options are read as own properties only.
 */
export async function fetchCustomerReferrals(input: FetchCustomerReferralsOptions): Promise<CustomerReferrals> {
  const { status, body } = await requestCustomerReferrals(input)
  // In batches with yields in between: a heavy referrer's 10,000 rows checked in one go blocked
  // the page for about a second. An abort meanwhile rejects with the signal's reason.
  return checkedAnswer(status, await parseCustomerReferralsAsync(body, { signal: input.signal }))
}

/**
 * The HTTP half of {@link fetchCustomerReferrals}: sends the request and reads a successful
 * answer's JSON, not yet checked. Every failure is thrown as `fetchCustomerReferrals` throws it.
 * The widget's query checks and prepares the body in one pass (src/model/prepareHistory.ts).
 */
export async function requestCustomerReferrals(input: FetchCustomerReferralsOptions): Promise<{ status: number; body: unknown }> {
  const options = ownOptions(input)
  const body: Record<string, unknown> = {}
  if (options.deanonymize === true) body.deanonymize = true
  // A shop or version that is not a slug / `v` + digits rejects with the TypeError that says so.
  const url = customerReferralsUrl(options)

  let response: Response
  try {
    const init = customerReferralsInit(options.token, JSON.stringify(body), options.signal)
    response = await (options.fetch ? options.fetch(url, init) : fetch(url, init))
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error
    throw new BubblehouseApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: 'Could not reach the Bubblehouse API (network error, offline, or blocked by CORS).',
      cause: error,
    })
  }

  const payload = await readJson(response, options.signal)

  if (!response.ok) {
    const apiError = readApiError(payload)
    throw new BubblehouseApiError({
      status: response.status,
      code: apiError?.id ?? CLIENT_ERROR_CODES.malformedResponse,
      message: apiError
        ? `Bubblehouse API answered ${response.status} ${apiError.id}${apiError.message ? `: ${apiError.message}` : ''}`
        : `Bubblehouse API answered ${response.status} without the documented JSON error body.`,
      retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
    })
  }

  if (payload === NOT_JSON) {
    throw new BubblehouseApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.malformedResponse,
      message: 'Bubblehouse API answered with a body that is not JSON.',
    })
  }
  return { status: response.status, body: payload }
}

/** The checked history, or the `malformed_response` error that names where the body went wrong. */
export function checkedAnswer<Data extends CustomerReferrals>(status: number, parsed: ParseResult<Data>): Data {
  if (parsed.ok) return parsed.data
  throw new BubblehouseApiError({
    status,
    code: CLIENT_ERROR_CODES.malformedResponse,
    message: `The CustomerReferrals2 answer does not match the expected format at "${parsed.path}": ${parsed.expected}.`,
  })
}

const NOT_JSON = Symbol('not json')

/** Characters of an answer above which `JSON.parse` waits for a new task: about 3,000 rows. A short
 * answer goes straight on (a task hop would only delay its first rows). */
export const PARSE_IN_OWN_TASK_ABOVE = 1024 * 1024

async function readJson(response: Response, signal: AbortSignal | undefined): Promise<unknown> {
  let text: string
  try {
    text = await readCappedText(response, { signal })
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error
    if (error instanceof BodyTooLargeError) {
      throw new BubblehouseApiError({
        status: response.status,
        code: CLIENT_ERROR_CODES.responseTooLarge,
        message: 'The Bubblehouse API answer is larger than 16 MB: the widget stopped reading it.',
        cause: error,
      })
    }
    throw new BubblehouseApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.network,
      message: 'The connection to the Bubblehouse API broke while reading its answer.',
      cause: error,
    })
  }
  // A long answer is parsed in a task of its own: reading and decoding a 10,000-row answer (3.3 MB),
  // then parsing it with the first slice of checks, were 40–60 ms each here and together the
  // longest task of that history (BENCHMARKS.md figure 7).
  if (text.length > PARSE_IN_OWN_TASK_ABOVE) {
    await yieldToMainThread()
    signal?.throwIfAborted()
  }
  try {
    // One JSON.parse: parsing in slices did not shorten the longest task, even on a CPU throttled 4×
    // (readCappedText.ts).
    return JSON.parse(text) as unknown
  } catch {
    return NOT_JSON
  }
}

/** The documented error body is `{"id": "...", "message": "..."}`; `message` is optional free
 * text, kept for the integrator's console but shortened and stripped of addresses and tokens. */
function readApiError(payload: unknown): { id: string; message: string | null } | null {
  if (typeof payload !== 'object' || payload === null) return null
  const { id, message } = payload as { id?: unknown; message?: unknown }
  if (typeof id !== 'string' || id === '') return null
  return { id, message: typeof message === 'string' && message !== '' ? redactSecrets(message.slice(0, 300)) : null }
}

/** The API documents no `Retry-After`; honour one (seconds or HTTP date) if it ever appears. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header == null || header.trim() === '') return null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds
  const date = Date.parse(header)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
}
