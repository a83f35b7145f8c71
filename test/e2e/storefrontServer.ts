import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDevMerchantTokenEndpoint, DEV_TOKEN_PATH } from '../../src/demo/devMerchantTokenEndpoint'
import { apiErrorResponse, ERROR_MESSAGES } from '../../src/mock-api/apiResponses'
import { createMockBubblehouseApi, type MockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'
import { createMockApiMiddleware } from '../../src/mock-api/node'
import { isThemeName, themeStylesheet } from '../support/themeStylesheets'

/** Where the e2e pages find the mock Bubblehouse API (same origin, like a merchant proxy). */
export const E2E_API_BASE = '/mock-bubblehouse/api'
/** token-url endpoints that answer with a redirect: to the store's login page (what a store answers
 * a signed-out shopper), and to another origin (`localhost` instead of `127.0.0.1`) whose endpoint
 * hands any page a valid token (CORS `*`): a token of someone else's choosing. */
export const TOKEN_REDIRECT_TO_LOGIN_PATH = '/dev-merchant/redirect-to-login'
export const TOKEN_REDIRECT_AWAY_PATH = '/dev-merchant/redirect-away'
const FOREIGN_TOKEN_PATH = '/elsewhere/customer-token'

/** Where the built embed is served. */
export const EMBED_PATH = '/embed'
/** Where the theme stylesheets of test/support/themeStylesheets.ts are served: `/themes/<name>.css`. */
export const THEMES_PATH = '/themes'

/** The policy the CSP page is served with: the strictest a merchant could set. */
export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'"

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PAGES_DIR = join(ROOT, 'test/e2e/pages')
const EMBED_DIR = join(ROOT, 'dist/embed')
const STOREFRONT_CSS = join(ROOT, 'src/demo/storefront.css')

/** The package version: the embed's pinned file names carry it. */
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** Pages served with extra headers. */
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  '/csp.html': { 'Content-Security-Policy': STRICT_CSP },
}

export interface StorefrontServer {
  origin: string
  /** The mock Bubblehouse API behind `E2E_API_BASE`: its log says what the browser asked. */
  api: MockBubblehouseApi
  /** What happened on the wire (never a token). */
  stats: {
    /** CustomerReferrals2 requests that reached the server. */
    apiRequestsStarted: number
    /** CustomerReferrals2 requests whose client hung up before the answer (an aborted fetch). */
    apiHangups: number
    /** Requests to the dev merchant token endpoint. */
    tokenRequests: number
    /** Requests to the other origin's token endpoint (the target of TOKEN_REDIRECT_AWAY_PATH). */
    foreignTokenRequests: number
  }
  /** While true, every API request answers 503 service_unavailable (an outage). */
  outage: boolean
  /** Forgets the log, the counters and the outage (between tests). */
  reset(): void
  close(): Promise<void>
}

/**
 * The storefront of the e2e tests over real HTTP on 127.0.0.1: the pages in `pages/`, the built
 * embed from dist/embed, the one mock Bubblehouse API and the dev merchant token endpoint, all
 * on one origin. Runs inside the Playwright worker, so tests read the API log directly.
 */
export async function startStorefrontServer(): Promise<StorefrontServer> {
  const api = createMockBubblehouseApi()
  const apiMiddleware = createMockApiMiddleware(api)
  const tokenEndpoint = createDevMerchantTokenEndpoint()

  const state: StorefrontServer = {
    origin: '',
    api,
    stats: { apiRequestsStarted: 0, apiHangups: 0, tokenRequests: 0, foreignTokenRequests: 0 },
    outage: false,
    reset() {
      api.reset()
      state.outage = false
      state.stats = { apiRequestsStarted: 0, apiHangups: 0, tokenRequests: 0, foreignTokenRequests: 0 }
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }

  const serveApi = (req: IncomingMessage, res: ServerResponse) => {
    state.stats.apiRequestsStarted += 1
    res.on('close', () => {
      if (!res.writableFinished) state.stats.apiHangups += 1
    })
    if (state.outage) {
      void send(res, apiErrorResponse(503, 'service_unavailable', ERROR_MESSAGES.serviceUnavailable))
      return
    }
    apiMiddleware(req, res)
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (path.startsWith(`${E2E_API_BASE}/`)) return serveApi(req, res)
    if (path === DEV_TOKEN_PATH) {
      state.stats.tokenRequests += 1
      return tokenEndpoint(req, res)
    }
    if (path === TOKEN_REDIRECT_TO_LOGIN_PATH) return void res.writeHead(302, { Location: '/account/login' }).end()
    if (path === TOKEN_REDIRECT_AWAY_PATH) {
      return void res.writeHead(302, { Location: `${state.origin.replace('127.0.0.1', 'localhost')}${FOREIGN_TOKEN_PATH}` }).end()
    }
    if (path === FOREIGN_TOKEN_PATH) {
      state.stats.foreignTokenRequests += 1
      res.setHeader('Access-Control-Allow-Origin', '*')
      req.url = `${DEV_TOKEN_PATH}?customer=typical`
      return tokenEndpoint(req, res)
    }
    if (path === '/storefront.css') return void serveFile(res, STOREFRONT_CSS)
    if (path.startsWith(`${THEMES_PATH}/`)) return void serveTheme(res, path.slice(THEMES_PATH.length + 1).replace(/\.css$/, ''))
    if (path.startsWith(`${EMBED_PATH}/`)) return void serveFile(res, safeJoin(EMBED_DIR, path.slice(EMBED_PATH.length)))
    if (path === '/favicon.ico') {
      res.statusCode = 204
      return void res.end()
    }
    return void serveFile(res, safeJoin(PAGES_DIR, path), PAGE_HEADERS[path])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}

/** A path inside `dir`, or null when the request tries to climb out of it. */
function safeJoin(dir: string, requestPath: string): string | null {
  const joined = normalize(join(dir, decodeURIComponent(requestPath)))
  return joined.startsWith(dir) ? joined : null
}

/** Serves a file; pages get `{{VERSION}}` replaced by the package version (for the pinned loader). */
async function serveFile(res: ServerResponse, file: string | null, headers: Record<string, string> = {}): Promise<void> {
  const type = file ? CONTENT_TYPES[extname(file)] : undefined
  let body: string
  try {
    if (!file || !type) throw new Error('not served')
    body = await readFile(file, 'utf8')
  } catch {
    res.statusCode = 404
    res.end('not found')
    return
  }
  res.setHeader('Content-Type', type)
  res.setHeader('Cache-Control', 'no-store')
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.end(type.startsWith('text/html') ? body.replaceAll('{{VERSION}}', PACKAGE_VERSION) : body)
}

/** A theme stylesheet from node_modules (or our Dawn-like page), never a copy in the repo. */
async function serveTheme(res: ServerResponse, name: string): Promise<void> {
  if (!isThemeName(name)) {
    res.statusCode = 404
    return void res.end('not found')
  }
  res.setHeader('Content-Type', CONTENT_TYPES['.css']!)
  res.setHeader('Cache-Control', 'no-store')
  res.end(await themeStylesheet(name))
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(Buffer.from(await response.arrayBuffer()))
}
