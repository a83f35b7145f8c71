import type { IncomingMessage, ServerResponse } from 'node:http'
import { mockBubblehouseApi, type MockBubblehouseApi } from './mockBubblehouseApi'

/** A Connect-style middleware: Vite's `server.middlewares.use(…)`, Express, or plain `node:http`. */
export type MockApiMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/** Request bodies larger than this are refused (413): CustomerReferrals2 bodies are a few bytes. */
const MAX_BODY_BYTES = 64 * 1024

/**
 * Serves the mock Bubblehouse API over real HTTP (Node only). Requests whose path ends in
 * `/CustomerReferrals2` go to the mock; others go to `next` (or get the mock's 404 when there is
 * no `next`, as in a bare `node:http` server).
 *
 * Adds CORS headers and answers preflights, because the widget calls the API cross-origin with an
 * `Authorization` header. The real API's CORS headers are undocumented; these are the minimum a
 * browser needs. No `Allow-Credentials`: the widget sends no cookies.
 */
export function createMockApiMiddleware(api: MockBubblehouseApi = mockBubblehouseApi): MockApiMiddleware {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (next && !/\/CustomerReferrals2\/?$/.test(path)) {
      next()
      return
    }
    setCorsHeaders(req, res)
    if (req.method === 'OPTIONS') {
      res.statusCode = 204
      res.end()
      return
    }
    serve(api, req, res).catch((error: unknown) => {
      if (next) next(error)
      else if (!res.headersSent) {
        res.statusCode = 500
        res.end()
      }
    })
  }
}

function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin
  if (origin) res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Vary', 'Origin')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept')
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After')
  res.setHeader('Access-Control-Max-Age', '600')
}

async function serve(api: MockBubblehouseApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The client hanging up aborts the request, so a `slow` answer stops waiting.
  const abort = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) abort.abort(new Error('client closed the connection'))
  })

  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req)
  if (body === null) {
    res.statusCode = 413
    res.end()
    return
  }

  let response: Response
  try {
    response = await api.handle(toRequest(req, body, abort.signal))
  } catch (error) {
    if (abort.signal.aborted) return // nobody is listening any more
    throw error
  }

  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()))
}

function toRequest(req: IncomingMessage, body: Buffer | undefined, signal: AbortSignal): Request {
  // `originalUrl` keeps the mount prefix that Connect strips from `url` (e.g. Vite's `use('/api', …)`).
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return new Request(new URL(url, `http://${req.headers.host ?? '127.0.0.1'}`), {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal,
  })
}

/** The whole body, or `null` when it exceeds `MAX_BODY_BYTES`. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}
