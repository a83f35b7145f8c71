/**
 * The loader's only styles: the element is a block of the widget's height from the moment it is
 * defined, before the main chunk arrives, so the page below it does not move when the widget
 * loads (layout shift, BENCHMARKS.md figure 9). The element's box is the widget's height in every
 * state: `--bh-rh-block-size`, default 36em at `font-size: medium`, i.e. 36 × the shopper's default
 * font size, which is what the widget's own `rem` means in the embed (src/embed/hostStyles.ts), so
 * no page rule on `html` or `*` can change it. The widget fills the box; `auto` lets it grow with
 * its content instead. Before this script runs the element has no box; the README's one-line
 * `:not(:defined)` rule covers that moment. The main chunk's host sheet starts with the same rule
 * (src/embed/hostStyles.ts), for widgets mounted with the JS API.
 *
 * `:host` rules lose to the page's own rules for the element, so a merchant can still size or hide
 * it, and `hidden` still hides it (a `:host` display would otherwise beat the browser's own
 * `[hidden]`). Adopted sheets are allowed under a strict `style-src`. Browsers without
 * constructable sheets (Safari before 16.4) skip this and get the main chunk's `<style>` fallback.
 */
export const HOST_BOX_CSS = ':host(:not([hidden])){display:block;font-size:medium!important;block-size:var(--bh-rh-block-size,36em)}'

let sheet: CSSStyleSheet | undefined

export function reserveSpace(element: HTMLElement): void {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' })
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(HOST_BOX_CSS)
    }
    // Throws where there are no adopted sheets (and jsdom), before anything is set.
    root.adoptedStyleSheets.length || (root.adoptedStyleSheets = [sheet])
  } catch {
    // No constructable sheets: the widget still renders, with the `<style>` fallback.
  }
}
