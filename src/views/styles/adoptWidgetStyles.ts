import hostCss from './shadow-host.css?inline'
import widgetCss from './referral-history.css?inline'

/** The widget's CSS as text, for hosts that render without a shadow root and load it themselves. */
export const WIDGET_CSS: string = widgetCss

// The one way the widget's styles get into a shadow root, used by both builds: the npm component
// (`isolation="shadow"`, src/views/ShadowHost.tsx) and the script-tag element
// (src/embed/mountWidget.tsx). Both therefore take the same things from the page, and nothing else:
//
// - the host's box as the page sets it (margin, width, max-width, position, float…); only its
//   `display` is ours (a block: `!important`, because in the cascade an inner `:host` important rule
//   beats the page's important rules, so `* { display: inline !important }` or Dawn's
//   `div:empty { display: none }` cannot hide or reflow it; `hidden` still hides it);
// - `visibility` (a section the page hides hides the widget in it), the writing direction, and the
//   `--bh-rh-*` custom properties (the theming channel: `all` never resets custom properties).
//
// Nothing else: no font family, colour, line-height, letter-spacing, text-transform… and sizes do
// not follow the page's root font size (SHADOW_WIDGET_CSS). The host sheet, with the widget's width
// and height, is shadow-host.css. Nothing here can reach the page: adopted sheets apply inside the
// shadow root only.
const HOST_CSS: string = hostCss

// The widget's sheet with `rem` made independent of the page. Inside a shadow root `rem` still
// means the page's root font size, so a theme's `html { font-size: 62.5% }` (Dawn, many React
// apps) would shrink the widget and change its breakpoints. Here `rem` becomes the shopper's
// default font size (`--bh-rh-_rem`); container-query conditions, where `var()` is not allowed, use
// `em` of the widget root, which is the same size. Media-query `rem` already ignores the page.
export const SHADOW_WIDGET_CSS: string = WIDGET_CSS.replace(
  /(@container[^{]*)|(@media[^{]*)|(-?(?:\d*\.)?\d+)rem\b/g,
  (match, containerPrelude: string | undefined, mediaPrelude: string | undefined, amount: string | undefined) => {
    if (containerPrelude) return containerPrelude.replace(/(\d)rem\b/g, '$1em')
    if (mediaPrelude) return mediaPrelude
    return amount === undefined ? match : `calc(${amount} * var(--bh-rh-_rem))`
  },
)

// Class of the element inside the shadow root that the widget renders into.
export const SHADOW_CONTAINER_CLASS = 'bh-rh-shadow'

let sheets: CSSStyleSheet[] | undefined

// Gives `host` an open shadow root (or reuses the one it has: StrictMode runs effects twice, and a
// removed element can be put back) with the widget's styles in it, and appends a new container for
// the widget to render into. The caller removes the container when it unmounts.
//
// Styles are constructable stylesheets, one parsed copy per page shared by every widget: no
// `<style>` element and no `style=""` attribute, so a strict `style-src` CSP is fine. Browsers
// without them (Safari before 16.4) get a `<style>` element instead: styled everywhere except
// under a strict `style-src`, where they show the unstyled widget.
//
// Throws what `attachShadow` throws (an element that cannot host a shadow root).
export function attachWidgetShadow(host: HTMLElement): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' })
  adoptStyles(root)
  const container = host.ownerDocument.createElement('div')
  container.className = SHADOW_CONTAINER_CLASS
  root.append(container)
  measureDefaultFontSize(container)
  return container
}

function adoptStyles(root: ShadowRoot): void {
  if (!canAdoptStyleSheets(root)) {
    if (!root.querySelector('style[data-bh-rh-styles]')) {
      const style = root.ownerDocument.createElement('style')
      style.setAttribute('data-bh-rh-styles', '')
      style.textContent = HOST_CSS + SHADOW_WIDGET_CSS
      root.prepend(style)
    }
    return
  }
  sheets ??= [createSheet(HOST_CSS), createSheet(SHADOW_WIDGET_CSS)]
  const missing = sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet))
  if (missing.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing]
}

// Sets `--bh-rh-_rem` to the shopper's default font size, read from a new container (its
// `font-size: medium` ignores the page), when it differs from the value in force (16px at first):
// a browser's text-only zoom changes it. Only with adopted sheets (the `<style>` fallback keeps
// 16px).
function measureDefaultFontSize(container: HTMLElement): void {
  const hostSheet = sheets?.[0]
  if (!hostSheet) return
  const size = getComputedStyle(container).fontSize
  if (!/^\d+(\.\d+)?px$/.test(size) || size === remInForce) return
  if (remRule) hostSheet.deleteRule([...hostSheet.cssRules].indexOf(remRule))
  remRule = hostSheet.cssRules[hostSheet.insertRule(`.${SHADOW_CONTAINER_CLASS} { --bh-rh-_rem: ${size}; }`, hostSheet.cssRules.length)]
  remInForce = size
}
let remInForce = '16px'
let remRule: CSSRule | undefined

// Safari before 16.4 has shadow DOM but no constructable stylesheets.
function canAdoptStyleSheets(root: ShadowRoot): boolean {
  return Array.isArray(root.adoptedStyleSheets) && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype
}

function createSheet(css: string): CSSStyleSheet {
  const created = new CSSStyleSheet()
  created.replaceSync(css)
  return created
}
