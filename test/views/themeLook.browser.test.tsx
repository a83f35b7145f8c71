import { page } from 'vitest/browser'
import { contrastRatio, installMockApi, renderWidget, waitForState } from '../a11y/support/widgetInBrowser'

/**
 * Each status has a look of its own beside its words (WCAG 1.4.1: never colour alone, and the
 * words are always there), and every mark stands out from the background by 3:1 or more (WCAG
 * 1.4.11) in both built-in palettes. Measured on the computed styles in Chromium.
 */

beforeEach(() => {
  installMockApi()
})
afterEach(() => {
  vi.unstubAllGlobals()
})

interface Mark {
  shape: 'dot' | 'ring'
  colour: string
}

function markOf(row: HTMLElement): Mark {
  const dot = row.querySelector<HTMLElement>('.bh-rh-status-dot')
  if (!dot) throw new Error(`row ${row.dataset.status} has no status mark`)
  const style = getComputedStyle(dot)
  const ring = Number.parseFloat(style.borderTopWidth) > 0 && style.backgroundColor === 'rgba(0, 0, 0, 0)'
  return ring ? { shape: 'ring', colour: style.borderTopColor } : { shape: 'dot', colour: style.backgroundColor }
}

describe.each(['light', 'dark'] as const)('in the %s palette', (theme) => {
  it('gives each status a distinct, labelled mark with 3:1 contrast against the background', async () => {
    await page.viewport(1024, 900)
    const marks = new Map<string, Mark>()
    let background = ''
    for (const scenario of ['typical', 'unknown-values'] as const) {
      const widget = await renderWidget(scenario, { locale: 'en-US', theme })
      const root = await waitForState(widget, 'ready')
      background = getComputedStyle(root).backgroundColor
      for (const row of root.querySelectorAll<HTMLElement>('tr.bh-rh-row')) {
        const status = row.dataset.status ?? ''
        expect(row.querySelector('.bh-rh-status-label')?.textContent?.trim(), status).not.toBe('')
        const mark = markOf(row)
        const seen = marks.get(status)
        if (seen) expect(mark, `every ${status} row looks the same`).toEqual(seen)
        marks.set(status, mark)
      }
      widget.unmount()
    }

    expect([...marks.keys()].sort()).toEqual(['approved', 'expired', 'invited', 'on_hold', 'qualified', 'rejected'])
    const looks = [...marks.values()].map((mark) => `${mark.shape} ${mark.colour}`)
    expect(new Set(looks).size, looks.join(' | ')).toBe(marks.size)
    for (const [status, mark] of marks) {
      expect(contrastRatio(mark.colour, background), `${status} mark against the background`).toBeGreaterThanOrEqual(3)
    }
  })
})

describe('the dark box', () => {
  it.each(['en-US', 'ar'])('keeps its content off its edges (%s)', async (locale) => {
    await page.viewport(1024, 900)
    const widget = await renderWidget('typical', { locale, theme: 'dark' })
    const root = await waitForState(widget, 'ready')
    const box = root.getBoundingClientRect()
    const inset = 8
    const title = root.querySelector<HTMLElement>('.bh-rh-title')
    if (!title) throw new Error('no title')
    // The glyphs themselves: a range's box covers the ink of tall Arabic letters and marks.
    const range = document.createRange()
    range.selectNodeContents(title)
    const ink = range.getBoundingClientRect()
    expect(ink.top - box.top, 'title to the top edge').toBeGreaterThanOrEqual(inset)
    for (const element of [title, root.querySelector<HTMLElement>('.bh-rh-summary'), root.querySelector<HTMLElement>('.bh-rh-table')]) {
      if (!element) throw new Error('missing part')
      const rect = element.getBoundingClientRect()
      expect(rect.left - box.left, `${element.className} to the left edge`).toBeGreaterThanOrEqual(inset)
      expect(box.right - rect.right, `${element.className} to the right edge`).toBeGreaterThanOrEqual(inset)
    }
  })

  it('lets the light box sit flush with the page, and --bh-rh-padding set either', async () => {
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    expect(getComputedStyle(root).paddingTop).toBe('0px')
    widget.host().style.setProperty('--bh-rh-padding', '24px')
    expect(getComputedStyle(root).paddingTop).toBe('24px')
  })
})
