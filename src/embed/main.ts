/**
 * The embed's main chunk (`referral-history.main@<version>.js`, ESM): Preact (through
 * preact/compat, standing in for React), @tanstack/react-query and the widget, all bundled. The
 * loader imports it when a widget is near the viewport or `mount()` is called, then forwards the
 * element's lifecycle here; nothing here runs before that.
 */
export { connect, disconnect, reset, update } from './elementLifecycle'
