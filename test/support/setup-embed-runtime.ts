import { createElement } from 'react'
import { createElement as compatCreateElement } from 'preact/compat'

// The unit-embed project must run on the embed's runtime: without its aliases it would quietly
// run the same tests on React again.
if (createElement !== compatCreateElement) throw new Error('[unit-embed] `react` does not resolve to preact/compat')
