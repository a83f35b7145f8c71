import { act, render } from '@testing-library/react'
import { nextStepSize, useProgressiveCount } from '../../src/views/useProgressiveCount'

/**
 * A view whose every newly shown item "takes" `msPerItem` of the test's clock to render, so the
 * step sizes the hook picks can be checked without real timing. `stepBudgetMs: null` leaves the
 * hook's default.
 */
function pacedView(msPerItem: number, stepBudgetMs: number | null = 40) {
  const clock = { now: 0 }
  let rendered = 0
  const counts: number[] = []
  function View({ source, total }: { source: unknown; total: number }) {
    const count = useProgressiveCount(source, total, { first: 10, step: 20, ...(stepBudgetMs !== null && { stepBudgetMs }), now: () => clock.now })
    clock.now += Math.max(0, count - rendered) * msPerItem
    rendered = count
    return <output>{count}</output>
  }
  return { View, counts, clock }
}

const runAllSteps = (container: HTMLElement) => {
  const counts = [Number(container.textContent)]
  while (vi.getTimerCount() > 0) {
    act(() => void vi.advanceTimersToNextTimer())
    counts.push(Number(container.textContent))
  }
  return counts
}
const stepsOf = (counts: number[]) => counts.slice(1).map((count, index) => count - counts[index]!)

describe('useProgressiveCount', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('on a slow device shrinks the steps to about the time budget each', () => {
    // 4 ms an item: the first step of 20 takes 80 ms, so the next ones are 10 items (40 ms).
    const { View } = pacedView(4)
    const { container } = render(<View source="a" total={100} />)
    const counts = runAllSteps(container)
    expect(stepsOf(counts)).toEqual([20, 10, 10, 10, 10, 10, 10, 10])
    expect(counts.at(-1)).toBe(100)
  })

  it('aims at 20 ms a step by default', () => {
    // 4 ms an item: after the first step of 20 (80 ms), steps of 5 items (20 ms) each.
    const { View } = pacedView(4, null)
    const { container } = render(<View source="a" total={60} />)
    const counts = runAllSteps(container)
    expect(stepsOf(counts)).toEqual([20, 5, 5, 5, 5, 5, 5])
  })

  it('on a fast device grows them, up to 8 × the first step', () => {
    // 0.1 ms an item: 20 items take 2 ms, so the next step would be 400; it is held at 160.
    const { View } = pacedView(0.1)
    const { container } = render(<View source="a" total={1_000} />)
    const counts = runAllSteps(container)
    expect(stepsOf(counts).slice(0, 3)).toEqual([20, 160, 160])
    expect(counts.at(-1)).toBe(1_000)
  })

  it('starts over from the first step when the source changes', () => {
    const { View } = pacedView(4)
    const { container, rerender } = render(<View source="a" total={100} />)
    act(() => void vi.advanceTimersToNextTimer())
    act(() => void vi.advanceTimersToNextTimer())
    rerender(<View source="b" total={100} />)
    const counts = runAllSteps(container)
    expect(counts[0]).toBe(10)
    expect(stepsOf(counts)[0]).toBe(20)
    expect(counts.at(-1)).toBe(100)
  })
})

describe('nextStepSize', () => {
  it('scales the last step to the budget, within an eighth and eight times the first step', () => {
    expect(nextStepSize(80, 80, 40, 80)).toBe(40)
    expect(nextStepSize(80, 20, 40, 80)).toBe(160)
    expect(nextStepSize(80, 4_000, 40, 80)).toBe(10)
    expect(nextStepSize(80, 0, 40, 80)).toBe(640)
  })
})
