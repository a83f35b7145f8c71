import { render, screen, waitFor, within } from '@testing-library/react'
import type { CustomerReferrals, Referral } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { HistoryView } from '../../src/views/HistoryView'
import { makeReferral } from '../model/makeReferral'
import { axeViolations } from './axeViolations'

const t = createTranslator(en, 'en-US')

const sharedLinkFriend = (day: number): Referral =>
  makeReferral({
    referral_bhid: 'link',
    acceptance_bhid: `friend-${day}`,
    channel: 'custom-social',
    destination: null,
    status: 'approved',
    sent_at: '2024-04-01T00:00:00Z',
    accepted_at: `2024-05-0${day}T12:00:00Z`,
    reward_pts: 500,
    reward_pts_value: '5.000000',
  })

const history: CustomerReferrals = {
  totals: null,
  referrals: [
    makeReferral({ referral_bhid: 'mail', destination: 'ma•••@ex•••.com', sent_at: '2024-06-10T09:00:00Z' }),
    sharedLinkFriend(1),
    sharedLinkFriend(2),
    sharedLinkFriend(3),
    makeReferral({
      referral_bhid: 'wa',
      acceptance_bhid: 'wa-1',
      channel: 'whatsapp',
      destination: null,
      status: 'qualified',
      sent_at: '2024-03-01T00:00:00Z',
      accepted_at: '2024-03-02T00:00:00Z',
      reward_amount: '10.000000',
      coupon_code: 'THANKS-10',
    }),
  ],
}

const renderHistory = (data: CustomerReferrals = history, extra: { deanonymize?: boolean } = {}) =>
  render(<HistoryView data={data} t={t} locale="en-US" currency="USD" timeZone="UTC" {...extra} />)

describe('HistoryView', () => {
  it('renders the ready state', () => {
    const { container } = renderHistory()
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready')
  })

  it('summarises what the shopper referred and earned', () => {
    renderHistory()
    const term = (label: string) => screen.getByText(label, { selector: 'dt' })
    expect(term('Friends referred').nextElementSibling).toHaveTextContent('5')
    expect(term('Rewarded').nextElementSibling).toHaveTextContent('3')
    expect(term('Waiting').nextElementSibling).toHaveTextContent('2')
    expect(term('Points earned').nextElementSibling).toHaveTextContent('1,500')
    expect(screen.getByText('≈ worth $15.00')).toBeInTheDocument()
  })

  it('lists the referrals in a captioned table with column headers', () => {
    renderHistory()
    const table = screen.getByRole('table', { name: 'Friends you referred, newest first' })
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Friend',
      'Status',
      'Date',
      'Reward',
    ])
  })

  it('shows every row, newest first, each friend as its row header', () => {
    renderHistory()
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual([
      'ma•••@ex•••.com Email',
      'Shared link · used by 3 friends',
      'Shared with a link',
      'Shared with a link',
      'Shared with a link',
      'Shared on WhatsApp',
    ])
  })

  it('groups the friends of one shared link under a row-group header', () => {
    renderHistory()
    const header = screen.getByRole('rowheader', { name: 'Shared link · used by 3 friends' })
    expect(header).toHaveAttribute('scope', 'rowgroup')
    const group = header.closest('tbody')
    expect(group?.querySelectorAll('tr.bh-rh-row')).toHaveLength(3)
  })

  it('gives each status in words with what happens next, the colour dot hidden from assistive technology', () => {
    renderHistory()
    const row = screen.getByRole('rowheader', { name: 'Shared on WhatsApp' }).closest('tr')
    expect(row).not.toBeNull()
    const status = within(row as HTMLElement).getAllByRole('cell')[0]
    expect(status).toHaveTextContent('Qualified')
    expect(status).toHaveTextContent('Your friend ordered; your reward is in its waiting period')
    expect(status?.querySelector('.bh-rh-status-dot')).toHaveAttribute('aria-hidden', 'true')
  })

  it('puts dates in <time> elements with a machine-readable value', () => {
    renderHistory()
    const time = screen.getByText('Jun 10, 2024')
    expect(time.tagName).toBe('TIME')
    expect(time).toHaveAttribute('dateTime', '2024-06-10T09:00:00.000Z')
  })

  it('shows the reward in points, money and coupon code', () => {
    renderHistory()
    expect(screen.getAllByText('500 points')).toHaveLength(3)
    expect(screen.getByText('$10.00')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy coupon code THANKS-10' })).toBeInTheDocument()
  })

  it('says there is no reward yet where a dash shows', () => {
    renderHistory()
    expect(screen.getByText('No reward yet')).toHaveClass('bh-rh-visually-hidden')
  })

  it('marks destinations and coupon codes dir="auto"', () => {
    renderHistory()
    expect(screen.getByText('ma•••@ex•••.com')).toHaveAttribute('dir', 'auto')
    expect(screen.getByText('THANKS-10')).toHaveAttribute('dir', 'auto')
  })

  it('has no accessibility violations', async () => {
    const { container } = renderHistory()
    expect(await axeViolations(container)).toEqual([])
  })

  describe('given hostile strings from the API', () => {
    const hostile: CustomerReferrals = {
      totals: null,
      referrals: [
        makeReferral({
          destination: '<img src=x onerror="alert(1)">',
          coupon_code: '<script>alert(2)</script>',
          coupon: { text: 'X', url: 'javascript:alert(3)', title: '<b>bold</b>', source_label: null, used: null },
        }),
      ],
    }

    it('renders them as text, never as markup or a script link', () => {
      const { container } = renderHistory(hostile)
      expect(container.querySelector('img, script, b')).toBeNull()
      expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument()
      expect(screen.getByText('<script>alert(2)</script>')).toBeInTheDocument()
      expect(screen.getByText('<b>bold</b>')).toBeInTheDocument()
      expect(container.querySelector('a')).toBeNull()
    })
  })

  describe('given a status and a channel this version does not know', () => {
    it('shows neutral labels instead of crashing or showing the raw code', () => {
      renderHistory({
        totals: null,
        referrals: [makeReferral({ status: 'fraud_review', channel: 'bluesky', destination: null })],
      })
      expect(screen.getByText('In progress')).toBeInTheDocument()
      expect(screen.getByRole('rowheader', { name: 'Shared with a friend' })).toBeInTheDocument()
      expect(screen.queryByText(/fraud_review/)).not.toBeInTheDocument()
    })
  })

  describe('given a full e-mail address from the server', () => {
    const unmasked: CustomerReferrals = { totals: null, referrals: [makeReferral({ destination: 'jane.doe@example.com' })] }

    it('masks it on screen', () => {
      renderHistory(unmasked)
      expect(screen.getByText('ja•••@ex•••.com')).toBeInTheDocument()
      expect(screen.queryByText(/jane\.doe/)).not.toBeInTheDocument()
    })

    it('shows it whole only when the integrator opted into deanonymize', () => {
      renderHistory(unmasked, { deanonymize: true })
      expect(screen.getByText('jane.doe@example.com')).toBeInTheDocument()
    })
  })

  it('renders every one of 1,000 rows once the table is no longer busy, with duplicate acceptance ids', async () => {
    const referrals = Array.from({ length: 1_000 }, (_, index) =>
      makeReferral({
        referral_bhid: `send-${index % 200}`,
        acceptance_bhid: index % 5 === 0 ? 'duplicate' : null,
        sent_at: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(),
      }),
    )
    const { container } = renderHistory({ totals: null, referrals })
    const table = screen.getByRole('table')
    await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'), { timeout: 15_000 })
    expect(container.querySelectorAll('tr.bh-rh-row')).toHaveLength(1_000)
  })
})
