import { act, render, screen } from '@testing-library/react'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { LoadingState } from '../../src/views/states/LoadingState'
import { axeViolations } from './axeViolations'

const t = createTranslator(en, 'en')

describe('LoadingState', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  describe('before the delay has passed', () => {
    it('shows nothing, so a fast answer does not flash a skeleton', () => {
      const { container } = render(<LoadingState t={t} />)
      const root = container.firstElementChild
      expect(root).toHaveAttribute('data-state', 'loading')
      expect(root).toBeEmptyDOMElement()
      expect(screen.queryByText('Loading your referrals…')).not.toBeInTheDocument()

      act(() => vi.advanceTimersByTime(249))
      expect(root).toBeEmptyDOMElement()
    })
  })

  describe('after the delay', () => {
    it('shows a skeleton and tells assistive technology it is loading', () => {
      const { container } = render(<LoadingState t={t} />)
      act(() => vi.advanceTimersByTime(250))

      const root = container.firstElementChild
      expect(root).toHaveAttribute('aria-busy', 'true')
      expect(screen.getByText('Loading your referrals…')).toBeInTheDocument()
      const skeleton = container.querySelector('.bh-rh-skeleton')
      expect(skeleton).toHaveAttribute('aria-hidden', 'true')
      expect(skeleton?.querySelectorAll('.bh-rh-skeleton-row').length).toBeGreaterThanOrEqual(3)
    })

    it('has no accessibility violations', async () => {
      const { container } = render(<LoadingState t={t} />)
      act(() => vi.advanceTimersByTime(250))
      vi.useRealTimers() // axe schedules its own work on timers
      expect(await axeViolations(container)).toEqual([])
    })
  })

  it('honours a custom delay', () => {
    render(<LoadingState t={t} delayMs={1000} />)
    act(() => vi.advanceTimersByTime(999))
    expect(screen.queryByText('Loading your referrals…')).not.toBeInTheDocument()
    act(() => vi.advanceTimersByTime(1))
    expect(screen.getByText('Loading your referrals…')).toBeInTheDocument()
  })

  it('shows the skeleton at once with a zero delay', () => {
    render(<LoadingState t={t} delayMs={0} />)
    expect(screen.getByText('Loading your referrals…')).toBeInTheDocument()
  })

  it('leaves no timer behind when it unmounts before the delay', () => {
    const { unmount } = render(<LoadingState t={t} />)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
