/**
 * The places merchants put the widget where its box is sized from its content (issue 14, point 1),
 * shared by the npm component's browser test (test/views/ReferralHistory.layouts.browser.test.tsx)
 * and the script-tag element's e2e test (test/e2e/layouts.spec.ts), so both builds meet the same
 * pages. Each page is a `#frame` of a given width holding the layout; the widget (the element, or
 * the React root's host `<div>`) goes into `#slot`. Plain strings: they run in Node and in Chromium.
 */
export interface LayoutCase {
  name: string
  /** Markup inside `#frame`; it contains the empty `#slot`. */
  html: string
  /** Page CSS for the layout (`#slot > *` is the widget's host element). */
  css: string
}

export const LAYOUT_CASES: readonly LayoutCase[] = [
  {
    name: 'a centred flex column (align-items: center)',
    html: '<div id="slot"></div>',
    css: '#slot { display: flex; flex-direction: column; align-items: center; }',
  },
  {
    name: 'a grid item with justify-self: center',
    html: '<div id="slot"></div>',
    css: '#slot { display: grid; } #slot > * { justify-self: center; }',
  },
  {
    name: 'a grid item with margin-inline: auto',
    html: '<div id="slot"></div>',
    css: '#slot { display: grid; } #slot > * { margin-inline: auto; }',
  },
  {
    name: 'an inline-block',
    html: '<div id="slot"></div>',
    css: '#slot { display: inline-block; }',
  },
  {
    name: 'a float',
    html: '<div id="slot"></div>',
    css: '#slot { float: left; }',
  },
  {
    name: 'an absolutely positioned box',
    html: '<div id="slot"></div>',
    css: '#frame { position: relative; min-block-size: 40em; } #slot { position: absolute; inset-block-start: 0; inset-inline-start: 0; }',
  },
  {
    name: 'a box with width: fit-content',
    html: '<div id="slot"></div>',
    css: '#slot { inline-size: fit-content; }',
  },
  {
    name: 'an auto-layout table cell',
    html: '<table><tbody><tr><td id="slot"></td></tr></tbody></table>',
    css: 'table { table-layout: auto; }',
  },
]

/** The comfortable width the widget takes where the page would shrink it to its content: 40em at the default 16px (README, "Layouts"). */
export const INTRINSIC_WIDTH_PX = 640

/** A wide page (an account page on a laptop) and a phone column. */
export const FRAME_WIDTHS = { wide: 1000, phone: 320 } as const

/** The page around a case: the frame at a width, the layout inside, no page margins. */
export function layoutPageCss(layout: LayoutCase, frameWidth: number): string {
  return `body { margin: 0; } #frame { inline-size: ${frameWidth}px; } ${layout.css}`
}
