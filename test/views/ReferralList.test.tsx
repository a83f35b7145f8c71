import { StrictMode } from 'react'
import { act, render, screen } from '@testing-library/react'
import type { Referral } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { buildHistory, type GroupModel } from '../../src/model/buildHistory'
import { FIRST_ROWS, ReferralList, ROWS_PER_STEP } from '../../src/views/ReferralList'
import { makeReferral } from '../model/makeReferral'

const t = createTranslator(en, 'en-US')

/** `count` rows, three per send (so the first screenful ends part-way through a send), each
 * friend named `<prefix>-<n>` so the DOM order can be compared with the model's. */
function historyGroups(count: number, prefix = 'friend'): readonly GroupModel[] {
  const referrals: Referral[] = Array.from({ length: count }, (_, index) =>
    makeReferral({
      referral_bhid: `${prefix}-send-${Math.floor(index / 3)}`,
      acceptance_bhid: `${prefix}-${index}`,
      destination: `${prefix}-${index}`,
      status: 'qualified',
      sent_at: '2024-01-01T00:00:00Z',
      accepted_at: new Date(Date.UTC(2024, 0, 2) + index * 60_000).toISOString(),
    }),
  )
  return buildHistory({ referrals, totals: null }, { locale: 'en-US', messages: en, timeZone: 'UTC' }).groups
}

const friendsInModel = (groups: readonly GroupModel[]) => groups.flatMap((group) => group.rows.map((row) => row.friend.text))
const friendsOnScreen = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('tr.bh-rh-row .bh-rh-friend-name'), (cell) => cell.textContent)
const rowCount = (container: HTMLElement) => container.querySelectorAll('tr.bh-rh-row').length

/** Runs the one pending step (a `setTimeout(0)`) and lets React commit what it rendered. */
const runNextStep = () => act(() => void vi.advanceTimersToNextTimer())

describe('ReferralList', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  describe('given more rows than a screenful', () => {
    const groups = historyGroups(330)

    it('renders the first screenful with the data and marks the table busy', () => {
      const { container } = render(<ReferralList t={t} groups={groups} />)
      expect(rowCount(container)).toBe(FIRST_ROWS)
      expect(friendsOnScreen(container)).toEqual(friendsInModel(groups).slice(0, FIRST_ROWS))
      expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true')
    })

    it('appends the rest a step per task, in display order, then is no longer busy', () => {
      vi.useFakeTimers()
      const { container } = render(<ReferralList t={t} groups={groups} />)
      const counts = [rowCount(container)]
      while (vi.getTimerCount() > 0) {
        runNextStep()
        counts.push(rowCount(container))
      }
      // The first later step adds ROWS_PER_STEP; later ones are sized by time (useProgressiveCount).
      expect(counts.slice(0, 2)).toEqual([FIRST_ROWS, FIRST_ROWS + ROWS_PER_STEP])
      expect(counts.every((count, index) => index === 0 || count > counts[index - 1]!)).toBe(true)
      expect(counts.at(-1)).toBe(330)
      expect(friendsOnScreen(container)).toEqual(friendsInModel(groups))
      expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy')
    })

    it('keeps a send split by a step under its one row-group header', () => {
      vi.useFakeTimers()
      const { container } = render(<ReferralList t={t} groups={groups} />)
      // Sends of three rows: the first screenful ends inside one of them.
      const partialIndex = Math.floor(FIRST_ROWS / 3)
      const partial = container.querySelectorAll('tbody')[partialIndex]
      expect(partial?.querySelectorAll('tr.bh-rh-row')).toHaveLength(FIRST_ROWS % 3)
      expect(FIRST_ROWS % 3).not.toBe(0)
      runNextStep()
      expect(container.querySelectorAll('tbody')[partialIndex]).toBe(partial)
      expect(partial?.querySelectorAll('tr.bh-rh-row')).toHaveLength(3)
      expect(partial?.querySelectorAll('tr.bh-rh-group-header')).toHaveLength(1)
    })

    it('starts over from the first screenful of the new data when the data changes part-way', () => {
      vi.useFakeTimers()
      const { container, rerender } = render(<ReferralList t={t} groups={groups} />)
      runNextStep()
      expect(rowCount(container)).toBe(FIRST_ROWS + ROWS_PER_STEP)

      const newGroups = historyGroups(240, 'new')
      rerender(<ReferralList t={t} groups={newGroups} />)
      expect(friendsOnScreen(container)).toEqual(friendsInModel(newGroups).slice(0, FIRST_ROWS))
      expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true')

      while (vi.getTimerCount() > 0) runNextStep()
      expect(friendsOnScreen(container)).toEqual(friendsInModel(newGroups))
      expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy')
    })

    it('leaves no pending step behind when it unmounts part-way', () => {
      vi.useFakeTimers()
      const { unmount } = render(<ReferralList t={t} groups={groups} />)
      runNextStep()
      expect(vi.getTimerCount()).toBe(1)
      unmount()
      expect(vi.getTimerCount()).toBe(0)
    })
  })

  describe('given rows already shown', () => {
    // The rows are plain DOM appended by each send's <tbody> (no virtual tree to diff), so what a
    // re-render must change, it has to rebuild: these fail if a send keeps its old rows.
    it('rewrites a send\'s rows when fresh data comes for the same send', () => {
      const before = historyGroups(6)
      const { container, rerender } = render(<ReferralList t={t} groups={before} />)
      const statuses = () => Array.from(container.querySelectorAll('tr.bh-rh-row'), (row) => row.getAttribute('data-status'))
      expect(statuses()).toEqual(Array(6).fill('qualified'))

      const referrals = Array.from({ length: 6 }, (_, index) =>
        makeReferral({
          referral_bhid: `friend-send-${Math.floor(index / 3)}`,
          acceptance_bhid: `friend-${index}`,
          destination: `friend-${index}`,
          status: 'approved',
          accepted_at: new Date(Date.UTC(2024, 0, 2) + index * 60_000).toISOString(),
        }),
      )
      const after = buildHistory({ referrals, totals: null }, { locale: 'en-US', messages: en, timeZone: 'UTC' }).groups
      expect(after.map((group) => group.referral_bhid)).toEqual(before.map((group) => group.referral_bhid))
      rerender(<ReferralList t={t} groups={after} />)
      expect(statuses()).toEqual(Array(6).fill('approved'))
      expect(rowCount(container)).toBe(6)
      expect(container.querySelectorAll('tr.bh-rh-group-header')).toHaveLength(2)
    })

    it('rewords what the list itself words in every shown row when the translator changes', () => {
      // The rows' model carries its own texts; the list words the rest (here: "no reward yet").
      const groups = historyGroups(3)
      const { rerender } = render(<ReferralList t={t} groups={groups} />)
      expect(screen.getAllByText('No reward yet')).toHaveLength(3)
      const reworded = createTranslator({ ...en, 'reward.noneYet': 'Nothing yet' }, 'en-US')
      rerender(<ReferralList t={reworded} groups={groups} />)
      expect(screen.queryAllByText('No reward yet')).toHaveLength(0)
      expect(screen.getAllByText('Nothing yet')).toHaveLength(3)
      expect(screen.getAllByRole('row')).toHaveLength(1 + 1 + 3) // the column headers, the send's heading, its rows
    })

    it('shows each row once under StrictMode, whose effects run twice', () => {
      const groups = historyGroups(7)
      const { container } = render(
        <StrictMode>
          <ReferralList t={t} groups={groups} />
        </StrictMode>,
      )
      expect(friendsOnScreen(container)).toEqual(friendsInModel(groups))
      expect(container.querySelectorAll('tr.bh-rh-group-header')).toHaveLength(2) // sends of 3, 3 and 1
    })
  })

  describe('given a history that fits the first screenful', () => {
    it('renders every row at once and never marks the table busy', () => {
      vi.useFakeTimers()
      const groups = historyGroups(FIRST_ROWS)
      const { container } = render(<ReferralList t={t} groups={groups} />)
      expect(friendsOnScreen(container)).toEqual(friendsInModel(groups))
      expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy')
      expect(vi.getTimerCount()).toBe(0)
    })
  })

  it('adds no tab stop of its own: the widget body around it is the scroll region', () => {
    const { container } = render(<ReferralList t={t} groups={historyGroups(3)} />)
    expect(container.firstElementChild).toBe(screen.getByRole('table', { name: 'Friends you referred, newest first' }))
    expect(container.querySelector('[tabindex]')).toBeNull()
  })
})
