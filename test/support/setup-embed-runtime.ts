import { createElement } from 'react'
import { createElement as compatCreateElement } from 'preact/compat'

// The unit-embed project must run on the embed's runtime: without its aliases it would quietly
// run the same tests on React again.
if (createElement !== compatCreateElement) throw new Error('[unit-embed] `react` does not resolve to preact/compat')

// Preact runs effects after the next frame, with a 100 ms timer in case the frame never comes;
// that timer calls `cancelAnimationFrame`. One still pending when a test file ends fired after
// Vitest had removed jsdom's globals and failed a CI run with "cancelAnimationFrame is not
// defined", outside any test. Every file waits for its last ones while jsdom is still there.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 250)))
