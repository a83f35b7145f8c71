import type { Connect, Plugin } from 'vite'

/** Where the demo's mock Bubblehouse API lives on the dev server. */
export const DEV_MOCK_API_BASE = '/mock-bubblehouse/api'

interface DevMiddlewares {
  mockApi: Connect.NextHandleFunction
  tokenEndpoint: Connect.NextHandleFunction
}

/**
 * `npm run dev`: serves the mock Bubblehouse API and a dev merchant token endpoint over real HTTP
 * beside the demo storefront, so the demo exercises the same fetch, CORS-free same-origin path and
 * JWT checks as the tests. Not used in builds.
 *
 * The mock is loaded by the dev server's own module runner on the first request, not imported by
 * this file: everything `vite.config.ts` imports is loaded by Node before Vite runs, which cannot
 * resolve the mock's extensionless TypeScript imports (it printed a warning for each, ~30 lines,
 * on every `npm run dev`, build and test run).
 */
export function devServerPlugin(): Plugin {
  return {
    name: 'referral-history-dev-server',
    apply: 'serve',
    configureServer(server) {
      let middlewares: Promise<DevMiddlewares> | undefined
      server.middlewares.use((req, res, next) => {
        middlewares ??= server.ssrLoadModule('/src/demo/devMiddlewares.ts') as Promise<DevMiddlewares>
        middlewares.then(
          ({ mockApi, tokenEndpoint }) => {
            const url = req.url ?? '/'
            if (url === DEV_MOCK_API_BASE || url.startsWith(`${DEV_MOCK_API_BASE}/`)) {
              // As connect's `use(path, …)` would: the mock sees the path below its mount point.
              req.url = url.slice(DEV_MOCK_API_BASE.length) || '/'
              return mockApi(req, res, (error?: unknown) => {
                req.url = url
                next(error)
              })
            }
            tokenEndpoint(req, res, next)
          },
          (error: unknown) => next(error),
        )
      })
    },
  }
}
