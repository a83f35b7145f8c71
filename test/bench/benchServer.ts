import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize } from 'node:path'
import { EMBED_OUT, LOADER_FILE, MAIN_FILE, PAGES_OUT } from './buildBundles'
import { BENCH_ERRORS, benchAnswers, benchToken, type BenchCustomer } from './fixtures/benchCustomers'

/** Where bench pages find the API (same origin, like a merchant proxy) and the embed. */
export const BENCH_API_BASE = '/api'
export const BENCH_TOKEN_PATH = '/token'

export interface BenchServer {
  origin: string
  /** Added latency in ms before answering: the API, and the embed's main chunk. */
  latency: { apiMs: number; chunkMs: number }
  counts: {
    /** CustomerReferrals2 requests that reached the server. */
    apiRequests: number
    tokenRequests: number
    /** Requests for the main chunk, and the bytes of it sent. */
    mainChunkRequests: number
    mainChunkBytes: number
  }
  /** Serves `html` at `/<name>.html`. */
  setPage(name: string, html: string): void
  reset(): void
  close(): Promise<void>
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json' }

/**
 * The benchmark's storefront on 127.0.0.1: pages set by the benchmark, the embed it built (with
 * an added latency on the main chunk), and a CustomerReferrals2 endpoint answering the bench
 * customers' canned histories (with an added latency). It counts requests and bytes on the wire.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const answers = benchAnswers()
  const pages = new Map<string, string>()
  const state: BenchServer = {
    origin: '',
    latency: { apiMs: 0, chunkMs: 0 },
    counts: { apiRequests: 0, tokenRequests: 0, mainChunkRequests: 0, mainChunkBytes: 0 },
    setPage: (name, html) => void pages.set(`/${name}.html`, html),
    reset() {
      state.latency = { apiMs: 0, chunkMs: 0 }
      state.counts = { apiRequests: 0, tokenRequests: 0, mainChunkRequests: 0, mainChunkBytes: 0 }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500
      res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    res.setHeader('Cache-Control', 'no-store')
    if (path.startsWith(`${BENCH_API_BASE}/`) && path.endsWith('/CustomerReferrals2')) {
      state.counts.apiRequests += 1
      await drain(req)
      await sleep(state.latency.apiMs)
      const customer = customerOf(req.headers.authorization)
      const body = customer ? answers.get(customer) : undefined
      const failure = customer && Object.hasOwn(BENCH_ERRORS, customer) ? BENCH_ERRORS[customer as keyof typeof BENCH_ERRORS] : undefined
      res.statusCode = body ? 200 : (failure?.status ?? 401)
      res.setHeader('Content-Type', TYPES.json!)
      // Errors in the documented body shape, `{"id", "message"}`.
      res.end(body ?? JSON.stringify({ id: failure?.id ?? 'invalid_token', message: failure?.message ?? 'Unknown bench customer.' }))
      return
    }
    if (path === BENCH_TOKEN_PATH) {
      state.counts.tokenRequests += 1
      const customer = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('customer') ?? 'rows-20'
      res.setHeader('Content-Type', TYPES.json!)
      res.end(JSON.stringify({ token: benchToken(customer as BenchCustomer) }))
      return
    }
    const page = pages.get(path)
    if (page !== undefined) return send(res, 'html', page)
    if (path.startsWith('/embed/') || path.startsWith('/pages/')) {
      const dir = path.startsWith('/embed/') ? EMBED_OUT : PAGES_OUT
      const file = normalize(join(dir, decodeURIComponent(path.slice(path.indexOf('/', 1) + 1))))
      if (!file.startsWith(dir) || !file.endsWith('.js')) return notFound(res)
      let body: Buffer
      try {
        body = await readFile(file)
      } catch {
        return notFound(res)
      }
      // As the README's table says to serve them: the loader briefly cached, versioned files
      // immutable. Every figure opens a fresh browser context (an empty cache); only figure 9's
      // returning shopper loads a page twice in one, and finds them in the cache like a real one.
      if (path.startsWith('/embed/')) res.setHeader('Cache-Control', file.endsWith(LOADER_FILE) ? 'max-age=300' : 'max-age=31536000, immutable')
      if (file.endsWith(MAIN_FILE)) {
        state.counts.mainChunkRequests += 1
        await sleep(state.latency.chunkMs)
        res.on('finish', () => (state.counts.mainChunkBytes += body.length))
      }
      return send(res, 'js', body)
    }
    return notFound(res)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}

/** The bench customer named by a Bearer token's `sub` (`<shop>/<customer>`); not verified. */
function customerOf(authorization: string | undefined): string | null {
  const payload = authorization?.replace(/^Bearer /, '').split('.')[1]
  if (!payload) return null
  try {
    const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }
    return typeof sub === 'string' ? (sub.split('/')[1] ?? null) : null
  } catch {
    return null
  }
}

function send(res: ServerResponse, type: string, body: string | Buffer): void {
  res.setHeader('Content-Type', TYPES[type] ?? 'application/octet-stream')
  res.end(body)
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404
  res.end('not found')
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) {
    // The body ({} or {"deanonymize":true}) does not change the bench answers.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
