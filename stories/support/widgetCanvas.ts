import { expect, waitFor } from 'storybook/test'
import { en } from '../../src/i18n/en'
import { createTranslator, type Translator } from '../../src/i18n/translator'
import type { ViewStateType } from '../../src/views/getViewState'

/** English wording, to look for the same words a shopper reads. */
export const english: Translator = createTranslator(en, 'en-US')

/**
 * The widget's root element (`.bh-rh`) in the story canvas. By default the widget renders inside
 * an open shadow root on its host `<div data-bh-rh-host>`; with `isolation="none"` (and inside the
 * script-tag embed's own shadow root) it is found the same way, one shadow root at a time.
 */
export function findWidgetRoot(container: ParentNode): HTMLElement | null {
  const direct = container.querySelector<HTMLElement>('.bh-rh')
  if (direct) return direct
  for (const element of Array.from(container.querySelectorAll('*'))) {
    if (element.shadowRoot) {
      const inside = findWidgetRoot(element.shadowRoot)
      if (inside) return inside
    }
  }
  return null
}

/** Like {@link findWidgetRoot}, but a missing widget is an error. */
export function widgetRoot(canvasElement: HTMLElement): HTMLElement {
  const root = findWidgetRoot(canvasElement)
  if (!root) throw new Error('The widget did not render into the story canvas.')
  return root
}

/**
 * Waits until the widget's root says it shows `state` (`data-state`), and returns the root. A
 * history is also waited for until every row is in (`settled`, the default): rows past the first
 * render's come in steps, a task or more later, while the table is `aria-busy`.
 */
export async function waitForWidgetState(
  canvasElement: HTMLElement,
  state: ViewStateType,
  timeout = 8000,
  { settled = true }: { settled?: boolean } = {},
): Promise<HTMLElement> {
  await waitFor(
    () => {
      expect(widgetRoot(canvasElement)).toHaveAttribute('data-state', state)
      // The attribute's value, not the element: the interactions panel would serialise the table.
      if (settled) expect(widgetRoot(canvasElement).querySelector('table')?.getAttribute('aria-busy') ?? null).toBeNull()
    },
    { timeout },
  )
  return widgetRoot(canvasElement)
}

/**
 * The referral rows in the history table (not the column or shared-link headers). Assert on
 * `.length`, not on the array: Storybook's instrumenter serialises every `expect()` argument for
 * the interactions panel, and for 5,000 rows that takes minutes.
 */
export function referralRows(root: HTMLElement): HTMLTableRowElement[] {
  return Array.from(root.querySelectorAll<HTMLTableRowElement>('tr.bh-rh-row'))
}
