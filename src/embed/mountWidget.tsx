import type { SendRequest } from '../api/fetchCustomerReferrals'
import { Component, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { customerIdentityOfToken } from '../query/customerIdentity'
import { ReferralHistory } from '../views/ReferralHistory'
import type { ViewStateType } from '../views/getViewState'
import { reportOnce } from '../views/reportOnce'
import { attachWidgetShadow } from '../views/styles/adoptWidgetStyles'
import { readEmbedProps, type EmbedWidgetProps } from './embedProps'
import { dispatchStateEvents } from './stateEvents'
import type { MountedWidget } from './types'

/**
 * Renders the widget into an open shadow root on `element` (created, or reused when the element
 * already has one, e.g. after it was removed and put back). Props are `unknown` and checked.
 *
 * Nothing here throws into the host page: a bad element is reported in the console and yields a
 * handle that does nothing; errors React cannot contain are logged, not sent to `window.onerror`.
 */
export function mountWidget(element: HTMLElement, props: unknown, send?: SendRequest): MountedWidget {
  let container: HTMLElement
  try {
    container = attachWidgetShadow(element)
  } catch {
    reportOnce(
      'error',
      '[referral-history] mount(element, props): the element cannot host the widget (it needs an element that accepts a shadow root, such as a <div>, and has no closed shadow root).',
    )
    return { update() {}, unmount() {} }
  }

  let lastState: ViewStateType | null = null
  const onStateChange = (state: ViewStateType) => {
    if (state === lastState) return
    lastState = state
    dispatchStateEvents(element, state)
  }

  // The widget's own error boundary catches what it can and shows the Error state; anything
  // thrown above it (the root's live region, a provider) reaches `LastResortBoundary`, which logs
  // once, tells the host, and renders nothing. Without it the error would go to the page's
  // window.onerror (React 19's `reportError`; Preact rethrows).
  const reportFailure = (error: unknown) => {
    reportOnce('error', `[referral-history] The widget failed to render: ${error instanceof Error ? error.name : 'error'}.`)
    onStateChange('error')
  }
  // Options for React (unit tests); the embed build runs on preact/compat, whose createRoot takes
  // none. `onCaughtError`: the boundaries already log once, in words an integrator can act on.
  let root: Root | null = createRoot(container, { identifierPrefix: 'bh-rh-', onCaughtError: () => {} })

  const render = (next: unknown) => {
    if (!root) return
    const widgetProps = readEmbedProps(next)
    // isolation="none": this shadow root already isolates it; a second one inside would be waste.
    root.render(
      <LastResortBoundary onError={reportFailure}>
        <ReferralHistory key={customerKey(widgetProps)} {...widgetProps} fetch={send} isolation="none" onStateChange={onStateChange} />
      </LastResortBoundary>,
    )
  }

  guarded(() => render(props))
  return {
    update(next) {
      guarded(() => render(next))
    },
    unmount() {
      guarded(() => {
        root?.unmount()
        root = null
        container.remove()
      })
    },
  }
}

/**
 * Who the widget is showing. A change of customer remounts the root, so nothing from one
 * customer's view (an open error, a copied coupon) carries over to another's; any other change
 * (currency, locale…) re-renders in place.
 */
function customerKey(props: EmbedWidgetProps): string {
  const who = props.token ? customerIdentityOfToken(props.token) : (props.tokenSourceKey ?? (props.getToken ? 'get-token' : 'none'))
  return `${props.shop}|${who}`
}

interface LastResortBoundaryProps {
  onError: (error: unknown) => void
  children: ReactNode
}

/** Catches what the widget's own boundary cannot (see above) and renders nothing from then on. */
class LastResortBoundary extends Component<LastResortBoundaryProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error)
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children
  }
}

function guarded(action: () => void): void {
  try {
    action()
  } catch (error) {
    reportOnce('error', `[referral-history] Unexpected error in the embed: ${error instanceof Error ? error.name : 'error'}.`)
  }
}
