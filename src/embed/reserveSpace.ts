/**
 * The loader's only styles: the element is a block and holds the widget's height from the moment
 * it is defined, before the main chunk arrives, so the page below it never moves when the widget
 * loads (layout shift, BENCHMARKS.md figure 9). The widget itself has the same fixed height in
 * every state (`--bh-rh-block-size`, default 36rem, see THEMING.md; `auto` lets it grow with its
 * content). `em` here at `font-size: medium` is the shopper's default font size, which is what the
 * embed's `rem` means inside the shadow root (src/embed/hostStyles.ts), so the two heights match.
 *
 * `:host` rules lose to the page's own rules for the element, so a merchant can still size or hide
 * it, and `hidden` still hides it (a `:host` rule would otherwise beat the browser's own `[hidden]`). Adopted sheets are allowed under a strict `style-src`. Browsers without
 * constructable sheets (Safari before 16.4) skip this and get the main chunk's `<style>` fallback.
 */
const HOST_CSS = ':host(:not([hidden])){display:block;font-size:medium;min-block-size:var(--bh-rh-block-size,36em)}'

let sheet: CSSStyleSheet | undefined

export function reserveSpace(element: HTMLElement): void {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' })
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(HOST_CSS)
    }
    // Throws where there are no adopted sheets (and jsdom), before anything is set.
    root.adoptedStyleSheets.length || (root.adoptedStyleSheets = [sheet])
  } catch {
    // No constructable sheets: the widget still renders, with the `<style>` fallback.
  }
}
