import { page } from 'vitest/browser'
import type { ScenarioId } from '../../src/mock-api'
import { installMockApi, renderWidget, waitForState } from '../a11y/support/widgetInBrowser'

/**
 * How the widget sits on a phone and at the widths where a desktop layout wraps, measured in real
 * Chromium with the default box (`--bh-rh-block-size` unset) and the real shadow-root rendering.
 */

beforeEach(() => {
  installMockApi()
  // The widget takes the page's typeface; storefronts mostly use a sans-serif, wider than the
  // browser's default serif.
  document.body.style.fontFamily = 'system-ui, sans-serif'
})
afterEach(async () => {
  vi.unstubAllGlobals()
  document.body.style.removeProperty('font-family')
  await page.viewport(414, 896)
})

/** Referral rows wholly inside the widget's scroll box and the window, without scrolling. */
function fullyVisibleRows(root: HTMLElement): number {
  const body = root.querySelector<HTMLElement>('.bh-rh-body')
  if (!body) throw new Error('the widget has no body')
  const box = body.getBoundingClientRect()
  const bottom = Math.min(box.bottom, window.innerHeight)
  return Array.from(root.querySelectorAll<HTMLElement>('tr.bh-rh-row')).filter((row) => {
    const rect = row.getBoundingClientRect()
    return rect.height > 0 && rect.top >= box.top - 0.5 && rect.bottom <= bottom + 0.5
  }).length
}

/** The summary figures per visual line, top to bottom. */
function figuresPerLine(root: HTMLElement): number[] {
  const lines = new Map<number, number>()
  for (const figure of root.querySelectorAll<HTMLElement>('.bh-rh-figure')) {
    const top = Math.round(figure.getBoundingClientRect().top)
    lines.set(top, (lines.get(top) ?? 0) + 1)
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, count]) => count)
}

describe.each([
  [390, 844],
  [360, 640],
])('on a %i × %i phone', (width, height) => {
  it.each(['light', 'dark'] as const)('shows the summary and at least three history rows in the default box (%s)', async (theme) => {
    await page.viewport(width, height)
    const widget = await renderWidget('typical', { locale: 'en-US', theme })
    const root = await waitForState(widget, 'ready')
    const summary = root.querySelector<HTMLElement>('.bh-rh-summary')
    expect(summary && summary.getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight)
    expect(fullyVisibleRows(root)).toBeGreaterThanOrEqual(3)
  })
})

describe('the summary figures', () => {
  const SCENARIOS: Array<{ scenario: ScenarioId; figures: number }> = [
    { scenario: 'typical', figures: 6 },
    { scenario: 'long-values', figures: 4 },
    { scenario: 'unknown-values', figures: 4 },
  ]
  describe.each([1280, 900, 740, 390])('in a %i px window', (width) => {
    it.each(SCENARIOS)('sit in balanced lines for $scenario ($figures figures): no orphan', async ({ scenario, figures }) => {
      await page.viewport(width, 900)
      const widget = await renderWidget(scenario, { locale: 'en-US' })
      const root = await waitForState(widget, 'ready')
      const lines = figuresPerLine(root)
      expect(lines.reduce((sum, count) => sum + count, 0)).toBe(figures)
      const widest = Math.max(...lines)
      // An orphan: a line of one figure under (or beside) a line of several.
      expect(lines.includes(1) && widest > 1, `figures per line: ${lines.join(' + ')}`).toBe(false)
      // Balanced: no line holds two figures more than another.
      expect(widest - Math.min(...lines), `figures per line: ${lines.join(' + ')}`).toBeLessThanOrEqual(1)
    })
  })
})

describe('touch targets on a 390 px phone', () => {
  const MIN = 44
  const expectTarget = (element: Element | null, name: string) => {
    if (!element) throw new Error(`${name} is missing`)
    const { width, height } = element.getBoundingClientRect()
    expect(width, `${name} width`).toBeGreaterThanOrEqual(MIN)
    expect(height, `${name} height`).toBeGreaterThanOrEqual(MIN)
  }

  it('makes every Copy button at least 44 × 44 px', async () => {
    await page.viewport(390, 844)
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    const copies = root.querySelectorAll('button.bh-rh-copy')
    expect(copies.length).toBeGreaterThanOrEqual(2)
    for (const button of copies) expectTarget(button, button.getAttribute('aria-label') ?? 'a Copy button')
  })

  it.each([
    { scenario: 'server-error' as const, state: 'error' as const },
    { scenario: 'rate-limited' as const, state: 'rate-limited' as const },
  ])('makes Retry at least 44 × 44 px in the $state state', async ({ scenario, state }) => {
    await page.viewport(390, 844)
    const widget = await renderWidget(scenario, { locale: 'en-US' })
    const root = await waitForState(widget, state)
    expectTarget(root.querySelector('button'), 'Retry')
  })

  it('makes the sign-in link at least 44 × 44 px', async () => {
    await page.viewport(390, 844)
    const widget = await renderWidget('typical', { locale: 'en-US', expiredToken: true, signInUrl: '/account/login' })
    const root = await waitForState(widget, 'invalid-token')
    expectTarget(root.querySelector('a[href="/account/login"]'), 'Sign in')
  })
})
