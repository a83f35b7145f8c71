import widgetCss from './referral-history.css?inline'

/** The widget's CSS as text, for hosts that render without a shadow root and load it themselves. */
export const WIDGET_CSS: string = widgetCss

/**
 * The one way the widget's styles get into a shadow root, used by both builds: the npm component
 * (`isolation="shadow"`, src/views/ShadowHost.tsx) and the script-tag element
 * (src/embed/mountWidget.tsx). Both therefore take the same things from the page, and nothing else:
 *
 * - the host's box as the page sets it (margin, width, max-width, position, float…); only its
 *   `display` is ours (a block: `!important`, because in the cascade an inner `:host` important rule
 *   beats the page's important rules, so `* { display: inline !important }` or Dawn's
 *   `div:empty { display: none }` cannot hide or reflow it; `hidden` still hides it);
 * - `visibility` (a section the page hides hides the widget in it), the writing direction, and the
 *   `--bh-rh-*` custom properties (the theming channel: `all` never resets custom properties).
 *
 * Nothing else: no font family, colour, line-height, letter-spacing, text-transform… The container
 * resets every property (`all: initial`) and sets its own font. It floats at full width inside a
 * flow-root host because a page's `text-decoration` propagates into in-flow descendants however
 * they are styled, and a float ends that propagation. Sizes do not follow the page's root font size
 * either (see SHADOW_WIDGET_CSS).
 *
 * Nothing here can reach the page: adopted sheets apply inside the shadow root only.
 */
// The host's block size is the widget's box in every state: `--bh-rh-block-size`, by default 36em
// at `font-size: medium`, i.e. 36 × the shopper's default font size, which is what the widget's own
// `rem` means here, so no page rule on `html` or `*` can change it; `auto` lets the widget grow
// with its content. The README's one-line page rule gives the embed's element the same box from
// the first paint, before any of our code runs (BENCHMARKS.md figure 9).
//
// Width: the widget root is an inline-size container (its container queries need it), so its own
// content gives it no intrinsic width, and wherever the page sizes the host from its content (a
// centred flex column, `inline-block`, a float, `fit-content`, an auto table cell…) it would be
// 0 px wide. The container is a grid whose first column is at most 40em: its max-content width is
// 40em (wide enough for the full table layout, which starts at 34em) and its min-content width 0,
// so a shrink-to-fit host gets min(40em, the available width), never more than the page offers;
// the second column takes the rest wherever the host is wider. A width or max-width the page sets
// on the host still wins: the container fills whatever box the host gets.
const HOST_CSS = `
:host(:not([hidden])) { font-size: medium !important; block-size: var(--bh-rh-block-size, 36em); }
:host { display: flow-root !important; text-decoration: none !important; }
:host([hidden]) { display: none !important; }
.bh-rh-shadow {
  all: initial;
  display: grid;
  grid-template-columns: minmax(0, 40em) minmax(0, 1fr);
  grid-template-rows: minmax(0, 1fr);
  float: left;
  inline-size: 100%;
  block-size: 100%;
  box-sizing: border-box;
  visibility: inherit;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: medium;
  line-height: 1.5;
  color: #1f2328;
  --bh-rh-_rem: 16px;
}
.bh-rh-shadow > .bh-rh { grid-column: 1 / -1; block-size: auto; }
`

/**
 * The widget's sheet with `rem` made independent of the page. Inside a shadow root `rem` still
 * means the page's root font size, so a theme's `html { font-size: 62.5% }` (Dawn, many React
 * apps) would shrink the widget and change its breakpoints. Here `rem` becomes the shopper's
 * default font size (`--bh-rh-_rem`, measured once from `font-size: medium`); container-query
 * conditions, where `var()` is not allowed, use `em` of the widget root, which is the same size.
 * Media-query `rem` already ignores the page and stays.
 */
export const SHADOW_WIDGET_CSS: string = WIDGET_CSS.replace(
  /(@container[^{]*)|(@media[^{]*)|(-?(?:\d*\.)?\d+)rem\b/g,
  (match, containerPrelude: string | undefined, mediaPrelude: string | undefined, amount: string | undefined) => {
    if (containerPrelude) return containerPrelude.replace(/(\d)rem\b/g, '$1em')
    if (mediaPrelude) return mediaPrelude
    return amount === undefined ? match : `calc(${amount} * var(--bh-rh-_rem))`
  },
)

/** Class of the element inside the shadow root that the widget renders into. */
export const SHADOW_CONTAINER_CLASS = 'bh-rh-shadow'

let sheets: CSSStyleSheet[] | undefined

/**
 * Gives `host` an open shadow root (or reuses the one it has: StrictMode runs effects twice, and a
 * removed element can be put back) with the widget's styles in it, and appends a new container for
 * the widget to render into. The caller removes the container when it unmounts.
 *
 * Styles are constructable stylesheets, one parsed copy per page shared by every widget: no
 * `<style>` element and no `style=""` attribute, so a strict `style-src` CSP is fine. Browsers
 * without them (Safari before 16.4) get a `<style>` element instead: styled everywhere except
 * under a strict `style-src`, where they show the unstyled widget.
 *
 * Throws what `attachShadow` throws (an element that cannot host a shadow root).
 */
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

/**
 * Sets `--bh-rh-_rem` to the shopper's default font size, read from a new container (its
 * `font-size: medium` ignores the page), when it differs from the value in force (16px at first):
 * a browser's text-only zoom changes it. Only with adopted sheets (the `<style>` fallback keeps
 * 16px).
 */
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

/** Safari before 16.4 has shadow DOM but no constructable stylesheets. */
function canAdoptStyleSheets(root: ShadowRoot): boolean {
  return Array.isArray(root.adoptedStyleSheets) && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype
}

function createSheet(css: string): CSSStyleSheet {
  const created = new CSSStyleSheet()
  created.replaceSync(css)
  return created
}
