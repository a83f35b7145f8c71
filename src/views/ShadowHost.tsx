import { useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { adoptWidgetStyles, WIDGET_CSS } from './styles/adoptWidgetStyles'
import { useClientLayoutEffect } from './useClientLayoutEffect'

/**
 * How the widget keeps the host page's CSS out:
 * - `'shadow'`: it renders inside an open shadow root with its own stylesheet. Page rules cannot
 *   select anything inside, and inherited properties are reset at the shadow host.
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
 */
export function ShadowHost({ children }: { children: ReactNode }): ReactNode {
  const hostRef = useRef<HTMLDivElement>(null)
  const [shadowRoot, setShadowRoot] = useState<ShadowRoot | null>(null)

  useClientLayoutEffect(() => {
    const host = hostRef.current
    if (!host) return
    // StrictMode runs this effect twice and a host accepts one attachShadow: reuse the root.
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' })
    if (canAdoptStyleSheets(root)) {
      adoptHostReset(root)
      adoptWidgetStyles(root)
    }
    setShadowRoot(root)
  }, [])

  return (
    <div ref={hostRef} data-bh-rh-host="">
      {shadowRoot
        ? createPortal(
            <>
              {canAdoptStyleSheets(shadowRoot) ? null : <style>{HOST_RESET_CSS + WIDGET_CSS}</style>}
              {children}
            </>,
            shadowRoot,
          )
        : null}
    </div>
  )
}

/**
 * Inherited properties cross a shadow boundary, so a page rule on the host (or an ancestor), like
 * `* { letter-spacing: 2px; text-transform: uppercase }`, would still reach the widget. `all:
 * initial` on `:host` stops that; `!important` from inside the shadow tree beats the page's own
 * `!important` on the host. Kept on purpose: `font-family` (the widget follows the storefront's
 * typeface unless `--bh-rh-font-family` is set), `visibility` (a page that hides a section hides the
 * widget in it) and custom properties (the `--bh-rh-*` theme hooks; `all` never resets them).
 */
const HOST_RESET_CSS = `:host {
  all: initial !important;
  display: block !important;
  visibility: inherit !important;
  font-family: inherit !important;
}
`

let hostResetSheet: CSSStyleSheet | undefined

function adoptHostReset(root: ShadowRoot): void {
  if (!hostResetSheet) {
    hostResetSheet = new CSSStyleSheet()
    hostResetSheet.replaceSync(HOST_RESET_CSS)
  }
  if (!root.adoptedStyleSheets.includes(hostResetSheet)) {
    root.adoptedStyleSheets = [hostResetSheet, ...root.adoptedStyleSheets]
  }
}

/** Safari before 16.4 has shadow DOM but no constructable stylesheets: fall back to `<style>`. */
function canAdoptStyleSheets(root: ShadowRoot): boolean {
  return 'adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype
}
