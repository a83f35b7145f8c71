// Server-renders the installed package in plain Node (no DOM): the light-DOM widget shows its
// loading state, the shadow-root widget an empty host filled on the client. A render must also
// leave nothing behind: a pending timer keeps a server-side script or a test runner alive and
// holds each request's cache in memory until it fires.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { ReferralHistory, VERSION } from 'bubblehouse-referral-history'

const problems = []
if (typeof window !== 'undefined' || typeof document !== 'undefined') problems.push('expected plain Node, found a DOM')
const props = { shop: 'my-shop', token: 'header.payload.signature', locale: 'en-US' }
const light = renderToString(createElement(ReferralHistory, { ...props, isolation: 'none' }))
const shadow = renderToString(createElement(ReferralHistory, props))
if (!light.includes('data-state="loading"')) problems.push(`light-DOM render has no loading state: ${light.slice(0, 200)}`)
if (!/^<div[^>]*data-bh-rh-host/.test(shadow)) problems.push(`shadow render is not the empty host: ${shadow.slice(0, 200)}`)

setImmediate(() => {
  const timers = process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout')
  if (timers.length > 0) {
    problems.push(
      `${timers.length} timer(s) still pending after renderToString (e.g. react-query gcTime on the server-side QueryClient; use gcTime: Infinity on the server)`,
    )
  }
  if (problems.length > 0) {
    console.error(`ssr FAILED:\n- ${problems.join('\n- ')}`)
    process.exit(1)
  }
  console.log(`ssr ok: version ${VERSION}, loading state in light DOM, ${shadow} for shadow, no pending timers`)
  process.exit(0)
})
