import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Referral, ReferralCoupon } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { buildHistory } from '../../src/model/buildHistory'
import { ReferralList } from '../../src/views/ReferralList'
import { makeReferral } from '../model/makeReferral'
import { axeViolations } from './axeViolations'

// The rows are plain DOM (`rowBuilder`) and their Copy buttons are handled by one listener on the
// table (`copyOnClick`): so these tests render the real list and press the real buttons.

const t = createTranslator(en, 'en')

function coupon(overrides: Partial<ReferralCoupon> = {}): ReferralCoupon {
  return { text: 'SAVE10', url: null, title: null, source_label: null, used: false, ...overrides }
}

function renderRows(...referrals: Referral[]) {
  const { groups } = buildHistory({ referrals, totals: null }, { locale: 'en', messages: en, timeZone: 'UTC' })
  return render(<ReferralList t={t} groups={groups} />)
}

const approvedWith = (overrides: Partial<Referral>, index = 0) =>
  makeReferral({ referral_bhid: `send-${index}`, status: 'approved', accepted_at: '2024-05-02T12:00:00Z', ...overrides })

describe('a row with a coupon', () => {
  it('shows the code as text with a Copy button named after it', async () => {
    const { container } = renderRows(approvedWith({ coupon: coupon({ title: 'Referral reward' }) }))
    expect(screen.getByText('SAVE10')).toHaveAttribute('dir', 'auto')
    expect(screen.getByText('Referral reward')).toHaveAttribute('dir', 'auto')
    expect(screen.getByRole('button', { name: 'Copy coupon code SAVE10' })).toHaveTextContent('Copy')
    expect(screen.getByRole('status')).toHaveTextContent('')
    expect(await axeViolations(container)).toEqual([])
  })

  describe('given a working clipboard', () => {
    it('copies the code and confirms politely, in that coupon only, for a few seconds', async () => {
      const user = userEvent.setup() // installs a clipboard stub on navigator
      renderRows(approvedWith({ coupon: coupon() }, 0), approvedWith({ coupon: coupon({ text: 'OTHER-5' }) }, 1))

      await user.click(screen.getByRole('button', { name: 'Copy coupon code OTHER-5' }))

      expect(await navigator.clipboard.readText()).toBe('OTHER-5')
      const row = screen.getByText('OTHER-5').closest('tr') as HTMLElement
      expect(within(row).getByRole('status')).toHaveTextContent('Copied')
      expect(screen.getAllByRole('status').filter((region) => region.textContent !== '')).toHaveLength(1)
      await waitFor(() => expect(within(row).getByRole('status')).toHaveTextContent(''), { timeout: 6000 })
    }, 10_000)
  })

  describe('given a clipboard that refuses', () => {
    it('selects the code and says how to copy it', async () => {
      const user = userEvent.setup()
      vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
      renderRows(approvedWith({ coupon: coupon() }))

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
      renderRows(approvedWith({ coupon_code: 'FRIEND-25' }))
      fireEvent.click(screen.getByRole('button', { name: /Copy/ }))

      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Could not copy automatically'))
      expect(document.getSelection()?.toString()).toBe('FRIEND-25')
    })
  })

  it('links to the coupon only when its URL is http(s)', () => {
    renderRows(
      approvedWith({ coupon: coupon({ text: 'A', url: 'https://shop.example/discount/A' }) }, 0),
      approvedWith({ coupon: coupon({ text: 'B', url: 'javascript:alert(1)' }) }, 1),
    )
    const links = screen.getAllByRole('link', { name: 'Use coupon' })
    expect(links).toHaveLength(1)
    expect(links[0]).toHaveAttribute('href', 'https://shop.example/discount/A')
    expect(within(screen.getByText('B').closest('tr') as HTMLElement).queryByRole('link')).toBeNull()
  })

  it('marks a used coupon', () => {
    renderRows(approvedWith({ coupon: coupon({ used: true }) }))
    expect(screen.getByText('Used')).toBeInTheDocument()
    expect(screen.getByText('SAVE10').closest('.bh-rh-coupon')).toHaveAttribute('data-used', 'true')
  })
})

describe('a still-open invitation', () => {
  const link = 'https://shop.example/r/ABC123'
  const invited = () => makeReferral({ status: 'invited', destination: 'p•••@e•••.net', link })

  it('copies its link without ever showing it', async () => {
    const user = userEvent.setup()
    const { container } = renderRows(invited())
    expect(container.textContent).not.toContain(link)

    await user.click(screen.getByRole('button', { name: 'Copy the invitation link (p•••@e•••.net)' }))

    expect(await navigator.clipboard.readText()).toBe(link)
    expect(screen.getByRole('status')).toHaveTextContent('Link copied')
    expect(container.textContent).not.toContain(link)
  })

  it('shows the link, selected and left to right, when the clipboard refuses, and hides it again after a copy that works', async () => {
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
    const { container } = renderRows(invited())
    const button = screen.getByRole('button', { name: /Copy the invitation link/ })

    await user.click(button)
    await user.click(button)
    expect(container.querySelectorAll('.bh-rh-invite-link')).toHaveLength(1)
    expect(screen.getByText(link)).toHaveAttribute('dir', 'ltr')
    expect(document.getSelection()?.toString()).toBe(link)
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy automatically. The link is selected')

    writeText.mockResolvedValue(undefined)
    await user.click(button)
    expect(screen.getByRole('status')).toHaveTextContent('Link copied')
    expect(container.textContent).not.toContain(link)
  })
})

it('ignores clicks in the table that are not on a Copy button', async () => {
  const user = userEvent.setup()
  const writeText = vi.spyOn(navigator.clipboard, 'writeText')
  renderRows(approvedWith({ coupon: coupon() }))
  await user.click(screen.getByText('SAVE10'))
  await user.click(screen.getByRole('columnheader', { name: 'Friend' }))
  expect(writeText).not.toHaveBeenCalled()
  expect(screen.getByRole('status')).toHaveTextContent('')
})
