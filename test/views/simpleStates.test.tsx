import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { ConfigErrorState } from '../../src/views/states/ConfigErrorState'
import { EmptyState } from '../../src/views/states/EmptyState'
import { ErrorState } from '../../src/views/states/ErrorState'
import { InvalidTokenState } from '../../src/views/states/InvalidTokenState'
import { axeViolations } from './axeViolations'

const t = createTranslator(en, 'en')

describe('EmptyState', () => {
  it('says there are no referrals yet', async () => {
    const { container } = render(<EmptyState t={t} />)
    expect(container.firstElementChild).toHaveAttribute('data-state', 'empty')
    expect(screen.getByText('No referrals yet')).toBeInTheDocument()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it('links to the refer page when given a path or an http(s) URL', async () => {
    const { container, rerender } = render(<EmptyState t={t} referUrl="/pages/refer" />)
    expect(screen.getByRole('link', { name: 'Refer a friend' })).toHaveAttribute('href', '/pages/refer')
    expect(await axeViolations(container)).toEqual([])

    rerender(<EmptyState t={t} referUrl="https://shop.example/refer" />)
    expect(screen.getByRole('link', { name: 'Refer a friend' })).toHaveAttribute('href', 'https://shop.example/refer')
  })

  it('never turns a javascript: URL into a link', () => {
    render(<EmptyState t={t} referUrl="javascript:alert(document.cookie)" />)
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(document.querySelector('a')).toBeNull()
  })
})

describe('InvalidTokenState', () => {
  it('asks the shopper to sign in again', async () => {
    const { container } = render(<InvalidTokenState t={t} />)
    expect(container.firstElementChild).toHaveAttribute('data-state', 'invalid-token')
    expect(screen.getByText('Your session has expired')).toBeInTheDocument()
    expect(screen.getByText('Please sign in again to see your referrals.')).toBeInTheDocument()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it('links to the sign-in page when given a path or an http(s) URL', async () => {
    const { container, rerender } = render(<InvalidTokenState t={t} signInUrl="/account/login" />)
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/account/login')
    expect(await axeViolations(container)).toEqual([])

    rerender(<InvalidTokenState t={t} signInUrl="https://shop.example/account/login?return_to=%2Faccount" />)
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', 'https://shop.example/account/login?return_to=%2Faccount')
  })

  it('never turns a javascript: URL into a link, and keeps its words', () => {
    render(<InvalidTokenState t={t} signInUrl={'java\tscript:alert(document.cookie)'} />)
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(document.querySelector('a')).toBeNull()
    expect(screen.getByText('Please sign in again to see your referrals.')).toBeInTheDocument()
  })
})

describe('ErrorState', () => {
  it('says the referrals could not load and offers a retry that calls onRetry', async () => {
    const user = userEvent.setup()
    const onRetry = vi.fn()
    const { container } = render(<ErrorState t={t} onRetry={onRetry} />)
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error')
    expect(screen.getByText('We couldn’t load your referrals')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledOnce()
    expect(await axeViolations(container)).toEqual([])
  })

  it('says it is trying again while the load Retry started runs, keeping the button focusable', async () => {
    const user = userEvent.setup()
    const onRetry = vi.fn()
    const { container, rerender } = render(<ErrorState t={t} onRetry={onRetry} />)
    const button = screen.getByRole('button', { name: 'Retry' })
    button.focus()

    rerender(<ErrorState t={t} onRetry={onRetry} retrying />)
    expect(button).toHaveAccessibleName('Trying again…')
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).not.toBeDisabled()
    expect(button).toHaveFocus()
    expect(await axeViolations(container)).toEqual([])

    rerender(<ErrorState t={t} onRetry={onRetry} />)
    expect(button).toHaveAccessibleName('Retry')
    expect(button).not.toHaveAttribute('aria-disabled')
    await user.click(button)
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('shows the error code as a reference for support', () => {
    render(<ErrorState t={t} onRetry={() => {}} code="network_error" />)
    expect(screen.getByText('Reference: network_error')).toBeInTheDocument()
  })

  it('shows an id the API does not document as a short generic reference, never verbatim', () => {
    render(<ErrorState t={t} onRetry={() => {}} code="Call +1 555 0100 to claim your reward at evil.example" />)
    expect(screen.getByText('Reference: api_error')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('evil.example')
  })

  it('shows the documented ids and the widget’s own codes as they are', () => {
    for (const code of ['invalid_global_api_version', 'customer_identity_does_not_match_token', 'response_too_large', 'render_error']) {
      const { unmount } = render(<ErrorState t={t} onRetry={() => {}} code={code} />)
      expect(screen.getByText(`Reference: ${code}`)).toBeInTheDocument()
      unmount()
    }
  })

  it('shows no reference line without a code', () => {
    render(<ErrorState t={t} onRetry={() => {}} />)
    expect(screen.queryByText(/Reference/)).not.toBeInTheDocument()
  })
})

describe('ConfigErrorState', () => {
  it('shows the configuration problem on screen', async () => {
    const problem = '[referral-history] "shop" is required: pass the Bubblehouse shop slug, e.g. shop="my-shop".'
    const { container } = render(<ConfigErrorState t={t} problem={problem} />)
    expect(container.firstElementChild).toHaveAttribute('data-state', 'config-error')
    expect(screen.getByText('Referral history is not set up correctly')).toBeInTheDocument()
    expect(screen.getByText(problem)).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it('renders a problem containing markup as text', () => {
    render(<ConfigErrorState t={t} problem={'<img src=x onerror="alert(1)">'} />)
    expect(document.querySelector('img')).toBeNull()
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument()
  })
})
