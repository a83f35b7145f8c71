import { useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { attachWidgetShadow } from './styles/adoptWidgetStyles'
import { useClientLayoutEffect } from './useClientLayoutEffect'

/**
 * How the widget keeps the host page's CSS out:
 * - `'shadow'`: it renders inside an open shadow root with its own stylesheet, exactly as the
 *   script-tag element does. Page rules cannot select anything inside, and inherited properties
 *   are reset inside the root.
 * - `'none'`: it renders in the light DOM. The host loads `bubblehouse-referral-history/styles.css`
 *   itself (or the widget is already inside a shadow root, as in the script-tag embed).
 */
export type StyleIsolation = 'shadow' | 'none'

/** Renders children as-is (`'none'`) or inside a shadow root (`'shadow'`). */
export function StyleIsolationBoundary({
  isolation = 'shadow',
  children,
}: {
  isolation?: StyleIsolation | undefined
  children: ReactNode
}): ReactNode {
  // Two components, so switching the prop remounts cleanly instead of changing the hook order.
  return isolation === 'none' ? children : <ShadowHost>{children}</ShadowHost>
}

/**
 * A `<div>` that hosts an open shadow root and portals its children into it. The server render and
 * the first client render are the empty host (identical, so hydration matches and nothing touches
 * `document` on the server); the layout effect then attaches the root before the browser paints.
 * The root, its styles and what the widget takes from the page are the script-tag element's own:
 * see `attachWidgetShadow`.
 */
export function ShadowHost({ children }: { children: ReactNode }): ReactNode {
  const hostRef = useRef<HTMLDivElement>(null)
  const [container, setContainer] = useState<HTMLElement | null>(null)

  useClientLayoutEffect(() => {
    const host = hostRef.current
    if (!host) return
    // A host accepts one attachShadow: StrictMode's second run reuses the root, with a new container.
    const attached = attachWidgetShadow(host)
    setContainer(attached)
    return () => {
      attached.remove()
      setContainer(null)
    }
  }, [])

  return (
    <div ref={hostRef} data-bh-rh-host="">
      {container ? createPortal(children, container) : null}
    </div>
  )
}
