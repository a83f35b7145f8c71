import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Component, useState, type ReactNode } from 'react'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api'
import { ReferralHistory } from '../../src/views/ReferralHistory'
import { resetReportedMessages } from '../../src/views/reportOnce'
import { WidgetErrorBoundary } from '../../src/views/WidgetErrorBoundary'

/**
 * A bug inside the widget (here: the model throwing while the history renders) must stay inside
 * it: the shopper sees the Error state with a retry, the host app keeps rendering, the host's own
 * error boundary and window.onerror never hear of it.
 */

const modelFailure = vi.hoisted(() => ({ throwing: false }))

vi.mock('../../src/model/buildHistory', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/model/buildHistory')>()
  return {
    ...actual,
    buildHistory: (...args: Parameters<typeof actual.buildHistory>) => {
      if (modelFailure.throwing) throw new TypeError('model bug')
      return actual.buildHistory(...args)
    },
  }
})

const t = createTranslator(en, 'en-US')

/** The host app's own error boundary: it must never be reached by the widget's errors. */
class HostBoundary extends Component<{ onError: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error)
  }
  override render() {
    return this.state.failed ? <p>host app crashed</p> : this.props.children
  }
}

function HostPage({ token, onHostError }: { token: string; onHostError: (error: unknown) => void }) {
  const [clicks, setClicks] = useState(0)
  return (
    <HostBoundary onError={onHostError}>
      <button type="button" onClick={() => setClicks((count) => count + 1)}>
        host button clicked {clicks}
      </button>
      <ReferralHistory
        shop={MOCK_SHOP}
        token={token}
        apiBaseUrl="https://api.test/api"
        locale="en-US"
        timeZone="UTC"
        loadingDelayMs={0}
        isolation="none"
        queryClient={new QueryClient()}
      />
    </HostBoundary>
  )
}

let windowErrors: unknown[] = []
const onWindowError = (event: ErrorEvent) => windowErrors.push(event.error)

beforeEach(() => {
  resetReportedMessages()
  modelFailure.throwing = false
  windowErrors = []
  window.addEventListener('error', onWindowError)
})

afterEach(() => {
  window.removeEventListener('error', onWindowError)
  vi.restoreAllMocks()
})

describe('given the widget throws while rendering the history', () => {
  it('shows its Error state, keeps the host app running and tells nobody outside but the console', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const onHostError = vi.fn()
    modelFailure.throwing = true
    const token = await mintMockCustomerToken('typical')
    const { container } = render(<HostPage token={token} onHostError={onHostError} />)

    await waitFor(() => expect(screen.getByText('Reference: render_error')).toBeInTheDocument())
    expect(screen.getByText('We couldn’t load your referrals')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Your referrals' })).toBeInTheDocument()
    expect(onHostError).not.toHaveBeenCalled()
    expect(windowErrors).toEqual([])
    expect(consoleError).toHaveBeenCalledWith('[referral-history] The widget failed to render: TypeError.')
    expect(consoleError.mock.calls.flat().map(String).join(' ')).not.toContain(token)

    await userEvent.click(screen.getByRole('button', { name: /host button/ }))
    expect(screen.getByRole('button', { name: 'host button clicked 1' })).toBeInTheDocument()

    modelFailure.throwing = false
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(container.querySelectorAll('tr[data-status]')).toHaveLength(17))
  })
})

describe('WidgetErrorBoundary', () => {
  function Throwing({ when }: { when: boolean }): ReactNode {
    if (when) throw new Error('child failed')
    return <p>child content</p>
  }

  it('replaces a throwing child with the Error state and a retry that renders it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let throwing = true
    function Child() {
      return <Throwing when={throwing} />
    }
    render(
      <WidgetErrorBoundary t={t} resetKey={1}>
        <Child />
      </WidgetErrorBoundary>,
    )
    expect(screen.getByText('Reference: render_error')).toBeInTheDocument()
    expect(screen.queryByText('child content')).not.toBeInTheDocument()

    throwing = false
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(screen.getByText('child content')).toBeInTheDocument()
  })

  it('clears the error when new data arrives (a new resetKey)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const view = render(
      <WidgetErrorBoundary t={t} resetKey={1}>
        <Throwing when />
      </WidgetErrorBoundary>,
    )
    expect(screen.getByText('Reference: render_error')).toBeInTheDocument()
    view.rerender(
      <WidgetErrorBoundary t={t} resetKey={2}>
        <Throwing when={false} />
      </WidgetErrorBoundary>,
    )
    expect(screen.getByText('child content')).toBeInTheDocument()
  })
})
