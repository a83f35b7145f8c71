#!/usr/bin/env node
// Serves the built Storybook (storybook-static/) on 127.0.0.1 for the screenshot run: a static
// file server with the content types Storybook and msw's service worker need. No directory
// listings, nothing outside the folder.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'

const root = resolve(process.argv[2] ?? 'storybook-static')
const port = Number(process.env.STORYBOOK_STATIC_PORT ?? process.argv[3] ?? 6116)

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

createServer(async (request, response) => {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
  const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname))
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(403).end()
    return
  }
  // Chromium asks for /favicon.ico on its own; the build has an SVG icon. No content, no 404.
  if (pathname === '/favicon.ico') {
    response.writeHead(204).end()
    return
  }
  try {
    const body = await readFile(file)
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
    response.end(body)
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`storybook-static on http://127.0.0.1:${port}/`)
})
