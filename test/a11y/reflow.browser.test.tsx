import { cdp, page } from 'vitest/browser'
import type { ScenarioId } from '../../src/mock-api'
import { installMockApi, renderWidget, waitForState } from './support/widgetInBrowser'

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px (a phone, or a 1280 px window at 400 % zoom; 640 px at 200 %)
 * nothing needs horizontal scrolling, in either direction, even with the longest values the API
 * can send. Also at 640 px with the text itself at 200 % (browser text-only zoom).
 */

function expectNoHorizontalScroll(root: HTMLElement): void {
  const page = document.documentElement
  expect(page.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(page.clientWidth)
  expect(root.scrollWidth, 'the widget overflows').toBeLessThanOrEqual(root.clientWidth)
  const edge = root.getBoundingClientRect()
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    const box = element.getBoundingClientRect()
    if (box.width === 0 || element.closest('.bh-rh-visually-hidden, .bh-rh-table-head')) continue
    expect(box.left, `${element.className} sticks out at the left`).toBeGreaterThanOrEqual(edge.left - 0.5)
    expect(box.right, `${element.className} sticks out at the right`).toBeLessThanOrEqual(edge.right + 0.5)
  }
}

const CASES: Array<{ scenario: ScenarioId; locale: string; state: 'ready' | 'empty' | 'rate-limited' | 'error' }> = [
  { scenario: 'typical', locale: 'en-US', state: 'ready' },
  { scenario: 'typical', locale: 'ar', state: 'ready' },
  { scenario: 'typical', locale: 'de-DE', state: 'ready' },
  { scenario: 'long-values', locale: 'en-US', state: 'ready' },
  { scenario: 'long-values', locale: 'ar', state: 'ready' },
  { scenario: 'empty', locale: 'fr-FR', state: 'empty' },
  { scenario: 'rate-limited', locale: 'pt-BR', state: 'rate-limited' },
  { scenario: 'server-error', locale: 'ja', state: 'error' },
]

beforeEach(() => {
  installMockApi()
})
afterEach(async () => {
  vi.unstubAllGlobals()
  await cdp().send('Page.setFontSizes', { fontSizes: { standard: 16 } })
  await page.viewport(414, 896)
})

describe('at 320 CSS px', () => {
  it.each(CASES)('$scenario in $locale needs no horizontal scrolling', async ({ scenario, locale, state }) => {
    await page.viewport(320, 640)
    const widget = await renderWidget(scenario, { locale, referUrl: '/pages/refer' })
    const root = await waitForState(widget, state)
    expect(window.innerWidth).toBe(320)
    expectNoHorizontalScroll(root)
  })

  it('keeps the table semantics when the rows stack as cards', async () => {
    await page.viewport(320, 640)
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    const cell = root.querySelector('td')
    expect(cell && getComputedStyle(cell).display).toBe('block')
    expect(root.querySelectorAll('[role="columnheader"]')).toHaveLength(4)
    expect(root.querySelectorAll('tr.bh-rh-row [role="rowheader"]').length).toBe(root.querySelectorAll('tr.bh-rh-row').length)
  })
})

describe('at 640 CSS px with text at 200 %', () => {
  it.each(CASES.filter((item) => item.state === 'ready'))('$scenario in $locale needs no horizontal scrolling', async ({ scenario, locale, state }) => {
    await page.viewport(640, 800)
    // Text-only zoom is the browser's default font size: the widget's sizes follow it (a page's
    // `html { font-size }` they do not; test/views/ReferralHistory.layouts.browser.test.tsx).
    await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } })
    const widget = await renderWidget(scenario, { locale })
    const root = await waitForState(widget, state)
    expect(Number.parseFloat(getComputedStyle(root).fontSize)).toBe(32)
    expectNoHorizontalScroll(root)
  })
})
