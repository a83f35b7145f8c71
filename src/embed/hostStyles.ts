import { WIDGET_CSS } from '../views/styles/adoptWidgetStyles'

/**
 * The embed's own sheet, adopted beside the widget's. Two jobs:
 *
 * 1. The host element is a block (`!important`: in the cascade an inner `:host` important rule
 *    beats the page's important rules, so `* { display: inline !important }` cannot reflow it).
 *    `hidden` still hides it. Its height is the first rule below, the same box the README's one-line
 *    page rule gives the element before this sheet exists, and the widget fills it.
 *    Everything else about the host's box (margin, width, position) stays the merchant's to set.
 * 2. Page styles reach into a shadow tree only through inheritance and text decorations. The
 *    container resets every property (`all: initial`) so nothing inherits from the page (colour,
 *    font, line-height, letter-spacing, text-transform, white-space, cursor…) except `visibility`
 *    (a section the page hides hides the widget in it). It floats at full width inside a
 *    flow-root host because a page's `text-decoration` propagates into in-flow descendants however
 *    they are styled, and a float ends that propagation. `--bh-rh-font-family` matches the store's
 *    typeface on purpose; a stray `* { font: … }` cannot. Custom properties are not reset by
 *    `all`: the `--bh-rh-*` theme variables set by the host pass through by design.
 *
 * Nothing here can reach the page: adopted sheets apply inside this shadow root only.
 */
// The first rule is the element's box in every state: `--bh-rh-block-size`, by default 36em at
// `font-size: medium`, i.e. 36 × the shopper's default font size, which is what the widget's own
// `rem` means here (36 of the embed's `rem` below), so no page rule on `html` or `*` can change it;
// `auto` lets the widget grow with its content. The README's one-line page rule gives the element
// the same box from the first paint, before any of our code runs (BENCHMARKS.md figure 9).
const HOST_CSS = `
:host(:not([hidden])) { font-size: medium !important; block-size: var(--bh-rh-block-size, 36em); }
:host { display: flow-root !important; text-decoration: none !important; }
:host([hidden]) { display: none !important; }
.bh-rh-embed {
  all: initial;
  display: block;
  float: left;
  inline-size: 100%;
  block-size: 100%;
  box-sizing: border-box;
  visibility: inherit;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: medium;
  line-height: 1.5;
  color: #1f2328;
  --bh-rh-embed-rem: 16px;
}
.bh-rh-embed > .bh-rh { block-size: 100%; }
`

/**
 * The widget's sheet with `rem` made independent of the page. Inside a shadow root `rem` still
 * means the page's root font size, so a theme's `html { font-size: 62.5% }` (common) would shrink
 * the widget and change its breakpoints. Here `rem` becomes the shopper's default font size
 * (`--bh-rh-embed-rem`, measured once from `font-size: medium`); container-query conditions, where
 * `var()` is not allowed, use `em` of the widget root, which is the same size. Media-query `rem`
 * already ignores the page and stays.
 */
export const EMBED_WIDGET_CSS: string = WIDGET_CSS.replace(
  /(@container[^{]*)|(@media[^{]*)|(-?(?:\d*\.)?\d+)rem\b/g,
  (match, containerPrelude: string | undefined, mediaPrelude: string | undefined, amount: string | undefined) => {
    if (containerPrelude) return containerPrelude.replace(/(\d)rem\b/g, '$1em')
    if (mediaPrelude) return mediaPrelude
    return amount === undefined ? match : `calc(${amount} * var(--bh-rh-embed-rem))`
  },
)

let sheets: CSSStyleSheet[] | undefined

/**
 * Adopts the embed's sheets into a shadow root (one parsed copy per page, shared by widgets).
 * Browsers without constructable stylesheets (Safari before 16.4) get a `<style>` element instead:
 * styled everywhere except under a strict `style-src`, where they show the unstyled widget.
 */
export function adoptEmbedStyles(root: ShadowRoot): void {
  if (!canAdoptStyleSheets(root)) {
    if (!root.querySelector('style[data-bh-rh-embed]')) {
      const style = document.createElement('style')
      style.setAttribute('data-bh-rh-embed', '')
      style.textContent = HOST_CSS + EMBED_WIDGET_CSS
      root.prepend(style)
    }
    return
  }
  sheets ??= [createSheet(HOST_CSS), createSheet(EMBED_WIDGET_CSS)]
  const missing = sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet))
  if (missing.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing]
}

function canAdoptStyleSheets(root: ShadowRoot): boolean {
  return Array.isArray(root.adoptedStyleSheets) && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype
}

/**
 * Sets `--bh-rh-embed-rem` to the shopper's default font size, read once from a container (its
 * `font-size: medium` ignores the page). Only when it differs from the 16px default.
 */
export function measureDefaultFontSize(container: HTMLElement): void {
  const hostSheet = sheets?.[0]
  if (!hostSheet || measured) return
  measured = true
  const size = getComputedStyle(container).fontSize
  if (/^\d+(\.\d+)?px$/.test(size) && size !== '16px') hostSheet.insertRule(`.bh-rh-embed { --bh-rh-embed-rem: ${size}; }`, hostSheet.cssRules.length)
}
let measured = false

function createSheet(css: string): CSSStyleSheet {
  const created = new CSSStyleSheet()
  created.replaceSync(css)
  return created
}

/** Class of the element React renders into, inside the shadow root. */
export const CONTAINER_CLASS = 'bh-rh-embed'
