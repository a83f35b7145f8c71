import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { CouponCode } from '../../src/views/CouponCode'
import { axeViolations } from './axeViolations'

const t = createTranslator(en, 'en')

describe('CouponCode', () => {
  it('shows the code as text with a Copy button named after it', async () => {
    const { container } = render(<CouponCode t={t} code="SAVE10" title="Referral reward" />)
    expect(screen.getByText('SAVE10')).toHaveAttribute('dir', 'auto')
    expect(screen.getByText('Referral reward')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy coupon code SAVE10' })).toHaveTextContent('Copy')
    expect(await axeViolations(container)).toEqual([])
  })

  describe('given a working clipboard', () => {
    it('copies the code and confirms politely', async () => {
      const user = userEvent.setup() // installs a clipboard stub on navigator
      render(<CouponCode t={t} code="SAVE10" />)

      await user.click(screen.getByRole('button', { name: /Copy/ }))

      expect(await navigator.clipboard.readText()).toBe('SAVE10')
      expect(screen.getByRole('status')).toHaveTextContent('Copied')
    })
  })

  describe('given a clipboard that refuses', () => {
    it('selects the code and says how to copy it', async () => {
      const user = userEvent.setup()
      vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
      render(<CouponCode t={t} code="SAVE10" />)

      await user.click(screen.getByRole('button', { name: /Copy/ }))

      expect(screen.getByRole('status')).toHaveTextContent('Could not copy automatically')
      expect(document.getSelection()?.toString()).toBe('SAVE10')
    })
  })

  describe('given no clipboard at all (an insecure page)', () => {
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard')
    beforeEach(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }))
    afterEach(() => {
      if (original) Object.defineProperty(navigator, 'clipboard', original)
      else Reflect.deleteProperty(navigator, 'clipboard')
    })

    it('selects the code instead of failing', async () => {
      render(<CouponCode t={t} code="FRIEND-25" />)
      fireEvent.click(screen.getByRole('button', { name: /Copy/ }))

      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Could not copy automatically'))
      expect(document.getSelection()?.toString()).toBe('FRIEND-25')
    })
  })

  it('links to the coupon only when its URL is http(s)', () => {
    const { rerender } = render(<CouponCode t={t} code="A" url="https://shop.example/discount/A" />)
    expect(screen.getByRole('link', { name: 'Use coupon' })).toHaveAttribute('href', 'https://shop.example/discount/A')

    rerender(<CouponCode t={t} code="A" url="javascript:alert(1)" />)
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
  })

  it('marks a used coupon', () => {
    render(<CouponCode t={t} code="A" used />)
    expect(screen.getByText('Used')).toBeInTheDocument()
  })
})
