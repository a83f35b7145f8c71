import { createElement } from 'react'
import { createElement as compatCreateElement } from 'preact/compat'
import { useQuery } from '@tanstack/react-query'
import { useQuery as liteUseQuery } from '../../src/query/reactQueryLite'

// The unit-embed project must run on the embed's runtime: without its aliases it would quietly
// run the same tests on React and react-query again.
if (createElement !== compatCreateElement) throw new Error('[unit-embed] `react` does not resolve to preact/compat')
if ((useQuery as unknown) !== liteUseQuery) throw new Error('[unit-embed] `@tanstack/react-query` does not resolve to src/query/reactQueryLite.ts')
