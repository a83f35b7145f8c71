import type { ViewStateType } from '../views/getViewState'

/** Prefix of every DOM event the embed dispatches on its host element. */
export const EVENT_PREFIX = 'bubblehouse-referral-history'

/** Fired on every change of the visible state, `detail: { state }`. */
export const STATE_EVENT = `${EVENT_PREFIX}:state`

/**
 * The specific event fired beside `…:state` for the states a host page reacts to. Loading has
 * none (it is brief, and `…:state` covers it). Public names: keep them stable.
 */
export const SPECIFIC_EVENTS: Readonly<Partial<Record<ViewStateType, string>>> = {
  ready: `${EVENT_PREFIX}:ready`,
  empty: `${EVENT_PREFIX}:empty`,
  'invalid-token': `${EVENT_PREFIX}:needs-sign-in`,
  'rate-limited': `${EVENT_PREFIX}:rate-limited`,
  error: `${EVENT_PREFIX}:error`,
  'config-error': `${EVENT_PREFIX}:error`,
}

/** What every event carries: the state name only. Never a token, an address or any API data. */
export interface StateEventDetail {
  state: ViewStateType
}

/**
 * Tells the host page the widget's state. Events bubble and cross shadow boundaries, so a
 * listener on `document` hears every widget. A throwing host listener is the host's own error
 * (the browser reports it); it cannot break the widget because `dispatchEvent` does not rethrow.
 */
export function dispatchStateEvents(host: HTMLElement, state: ViewStateType): void {
  const names = [STATE_EVENT]
  const specific = SPECIFIC_EVENTS[state]
  if (specific) names.push(specific)
  for (const name of names) {
    const detail: StateEventDetail = { state }
    host.dispatchEvent(new CustomEvent<StateEventDetail>(name, { detail, bubbles: true, composed: true }))
  }
}
