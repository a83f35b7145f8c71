import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { RateLimitedState } from '../../src/views/states/RateLimitedState'
import { axeViolations } from './axeViolations'

const t = createTranslator(en, 'en')
const NOW = Date.UTC(2024, 4, 1, 12)

describe('RateLimitedState', () => {
  describe('with an automatic retry scheduled', () => {
    beforeEach(() => vi.useFakeTimers({ now: NOW }))
    afterEach(() => vi.useRealTimers())

    it('counts down to the retry every second', () => {
      const { container } = render(<RateLimitedState t={t} retryAt={NOW + 5_000} onRetry={() => {}} />)
      expect(container.firstElementChild).toHaveAttribute('data-state', 'rate-limited')
      expect(screen.getByText('Trying again in 5 s')).toBeInTheDocument()

      act(() => vi.advanceTimersByTime(1_000))
      expect(screen.getByText('Trying again in 4 s')).toBeInTheDocument()

      act(() => vi.advanceTimersByTime(3_000))
      expect(screen.getByText('Trying again in 1 s')).toBeInTheDocument()

      act(() => vi.advanceTimersByTime(1_000))
      expect(screen.getByText('Trying again…')).toBeInTheDocument()
    })

    it('rounds a partial second up, so it never shows 0 s before the retry', () => {
      render(<RateLimitedState t={t} retryAt={NOW + 2_300} onRetry={() => {}} />)
      expect(screen.getByText('Trying again in 3 s')).toBeInTheDocument()
    })

    it('restarts the countdown when a new retry time arrives', () => {
      const { rerender } = render(<RateLimitedState t={t} retryAt={NOW + 2_000} onRetry={() => {}} />)
      act(() => vi.advanceTimersByTime(2_000))
      rerender(<RateLimitedState t={t} retryAt={NOW + 2_000 + 8_000} onRetry={() => {}} />)
      expect(screen.getByText('Trying again in 8 s')).toBeInTheDocument()
    })

    it('stops ticking once the retry time has passed', () => {
      render(<RateLimitedState t={t} retryAt={NOW + 2_000} onRetry={() => {}} />)
      expect(vi.getTimerCount()).toBe(1)
      act(() => vi.advanceTimersByTime(2_000))
      expect(vi.getTimerCount()).toBe(0)
    })

    it('leaves no timer behind when it unmounts', () => {
      const { unmount } = render(<RateLimitedState t={t} retryAt={NOW + 60_000} onRetry={() => {}} />)
      unmount()
      expect(vi.getTimerCount()).toBe(0)
    })

    it('calls onRetry when Retry is pressed', () => {
      const onRetry = vi.fn()
      render(<RateLimitedState t={t} retryAt={NOW + 5_000} onRetry={onRetry} />)
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
      expect(onRetry).toHaveBeenCalledOnce()
    })
  })

  it('asks to try again in a moment when no retry is scheduled', () => {
    render(<RateLimitedState t={t} retryAt={null} onRetry={() => {}} />)
    expect(screen.getByText('Please try again in a moment.')).toBeInTheDocument()
  })

  it('keeps the last good history on screen below the notice', async () => {
    const user = userEvent.setup()
    const onRetry = vi.fn()
    const { container } = render(
      <RateLimitedState t={t} retryAt={null} onRetry={onRetry}>
        <p>last good history</p>
      </RateLimitedState>,
    )
    expect(screen.getByText('last good history')).toBeInTheDocument()
    expect(screen.getByText('Showing your referrals as they were at the last update.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledOnce()
    expect(await axeViolations(container)).toEqual([])
  })

  it('does not mention earlier data when there is none', () => {
    render(<RateLimitedState t={t} retryAt={null} onRetry={() => {}}>{null}</RateLimitedState>)
    expect(screen.queryByText(/last update/)).not.toBeInTheDocument()
  })
})
