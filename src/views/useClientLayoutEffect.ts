import { useEffect, useLayoutEffect } from 'react'

/** `useLayoutEffect` in the browser, `useEffect` on the server: React 18 warns about layout effects
 * during server rendering, and there is nothing to lay out there. */
export const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect
