import { Component, type ErrorInfo, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import { reportOnce } from './reportOnce'
import { ErrorState } from './states/ErrorState'

interface Props {
  t: Translator
  /** A new value (e.g. fresh data) clears a caught error. */
  resetKey: unknown
  children: ReactNode
}

interface State {
  failedFor: unknown
  hasError: boolean
}

/**
 * Contains a render error inside the widget (a bug, a throwing override): the shopper sees the
 * Error state with a retry, and the host app keeps running.
 */
export class WidgetErrorBoundary extends Component<Props, State> {
  override state: State = { hasError: false, failedFor: undefined }

  static getDerivedStateFromError(): Partial<State> {
    return { hasError: true }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.hasError && state.failedFor !== undefined && state.failedFor !== props.resetKey) {
      return { hasError: false, failedFor: undefined }
    }
    return null
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.setState({ failedFor: this.props.resetKey })
    reportOnce('error', `[referral-history] The widget failed to render: ${error instanceof Error ? error.name : 'error'}.`)
  }

  override render(): ReactNode {
    if (this.state.hasError) {
      return <ErrorState t={this.props.t} code="render_error" onRetry={() => this.setState({ hasError: false, failedFor: undefined })} />
    }
    return this.props.children
  }
}
