import widgetCss from './referral-history.css?inline'

let sheet: CSSStyleSheet | undefined

/**
 * Puts the widget's stylesheet into a shadow root as a constructable stylesheet: no `<style>`
 * element and no `style=""` attribute, so it works under `style-src 'self'` CSP, and one parsed
 * sheet is shared by every widget on the page. Idempotent per root.
 */
export function adoptWidgetStyles(root: ShadowRoot): void {
  sheet ??= createSheet()
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  }
}

function createSheet(): CSSStyleSheet {
  const created = new CSSStyleSheet()
  created.replaceSync(widgetCss)
  return created
}

/** The widget's CSS as text, for hosts that render without a shadow root and load it themselves. */
export const WIDGET_CSS: string = widgetCss
