/**
 * The embed's main chunk (`referral-history.main@<version>.js`, ESM): React, react-dom,
 * react-query and the widget, all bundled. The loader imports it when a widget is near the
 * viewport or `mount()` is called; nothing here runs before that.
 */
import { mountWidget } from './mountWidget'
import type { MountedWidget } from './types'

export function mount(element: HTMLElement, props: unknown): MountedWidget {
  return mountWidget(element, props)
}
