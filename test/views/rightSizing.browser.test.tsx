import { page } from 'vitest/browser'
import type { ScenarioId } from '../../src/mock-api'
import { resetReferralHistory } from '../../src/views/resetReferralHistory'
import { rememberedBlockSizeKey } from '../../src/views/size/rememberedBlockSize'
import type { ViewStateType } from '../../src/views/getViewState'
import { MOCK_SHOP } from '../../src/mock-api'
import { installMockApi, renderWidget, waitForState, type RenderedWidget } from '../a11y/support/widgetInBrowser'

/**
 * The widget's box in each state, in real Chromium with the default settings (issue 17): as tall as
 * what it shows up to the cap, a reserved height while loading, and that height remembered per
 * shop. The same CSS serves the script-tag embed (test/e2e/rightSizing.spec.ts).
 */

const REM = 16 // Chromium's default font size: the widget's sizes do not follow the page's root

beforeEach(() => {
  installMockApi()
  localStorage.clear()
  document.body.style.fontFamily = 'system-ui, sans-serif'
})
afterEach(async () => {
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.style.removeProperty('font-family')
  await page.viewport(414, 896)
})

/** From the box's top to the bottom of the lowest thing drawn in it: its leaves (texts, dots,
 * buttons' labels), not the boxes that stretch to fill it (visually hidden texts aside). */
function contentHeight(widget: RenderedWidget): number {
  const top = widget.host().getBoundingClientRect().top
  const bottoms = Array.from(widget.root().querySelectorAll<HTMLElement>('*'))
    .filter((element) => element.children.length === 0 && !element.closest('.bh-rh-visually-hidden'))
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.width > 1 && rect.height > 1)
    .map((rect) => rect.bottom)
  return Math.max(...bottoms) - top
}

const boxHeight = (widget: RenderedWidget) => widget.host().getBoundingClientRect().height

describe.each([1280, 390])('in a %i px window', (width) => {
  const SHORT_STATES: Array<{ scenario: ScenarioId; state: ViewStateType; expiredToken?: boolean; shop?: string }> = [
    { scenario: 'empty', state: 'empty' },
    { scenario: 'server-error', state: 'error' },
    { scenario: 'typical', state: 'invalid-token', expiredToken: true },
    { scenario: 'rate-limited', state: 'rate-limited' },
    { scenario: 'two-friends', state: 'ready' },
    { scenario: 'typical', state: 'config-error', shop: '' },
  ]
  it.each(SHORT_STATES)('is at most 1.5 × its content in the $state state ($scenario)', async ({ scenario, state, expiredToken, shop }) => {
    await page.viewport(width, 900)
    const widget = await renderWidget(scenario, { locale: 'en-US', expiredToken, ...(shop === undefined ? {} : { shop }) })
    await waitForState(widget, state)
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const ratio = boxHeight(widget) / contentHeight(widget)
    expect(ratio, `box ${boxHeight(widget)} px, content ${contentHeight(widget)} px`).toBeLessThanOrEqual(1.5)
    // Nothing is cut off either: the box holds all of it.
    expect(contentHeight(widget)).toBeLessThanOrEqual(boxHeight(widget) + 0.5)
  })

  it('caps a long history at 36 × the default font size and scrolls it inside', async () => {
    await page.viewport(width, 900)
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    expect(boxHeight(widget)).toBeCloseTo(36 * REM, 0)
    const body = root.querySelector<HTMLElement>('.bh-rh-body')!
    expect(body.scrollHeight).toBeGreaterThan(body.clientHeight)
  })
})

describe('while loading', () => {
  it('reserves 18em on a first visit, whatever the skeleton holds', async () => {
    const widget = await renderWidget('slow', { locale: 'en-US' })
    await waitForState(widget, 'loading')
    expect(boxHeight(widget)).toBeCloseTo(18 * REM, 0)
  })

  it("reserves this shop's remembered height, and remembers each settled height as a number", async () => {
    localStorage.setItem(rememberedBlockSizeKey(MOCK_SHOP), '203px')
    const loading = await renderWidget('slow', { locale: 'en-US' })
    await waitForState(loading, 'loading')
    expect(boxHeight(loading)).toBe(203)
    loading.unmount()

    const empty = await renderWidget('empty', { locale: 'en-US' })
    await waitForState(empty, 'empty')
    await vi.waitFor(() => expect(localStorage.getItem(rememberedBlockSizeKey(MOCK_SHOP))).toBe(`${Math.round(boxHeight(empty))}px`))
    expect(boxHeight(empty)).toBeLessThan(203)
  })

  it('ignores a remembered value it did not write', async () => {
    localStorage.setItem(rememberedBlockSizeKey(MOCK_SHOP), 'calc(100vh + 1px)')
    const widget = await renderWidget('slow', { locale: 'en-US' })
    await waitForState(widget, 'loading')
    expect(boxHeight(widget)).toBeCloseTo(18 * REM, 0)
  })
})

it('forgets the remembered height of every shop on resetReferralHistory() (a sign-out)', async () => {
  const widget = await renderWidget('empty', { locale: 'en-US' })
  await waitForState(widget, 'empty')
  await vi.waitFor(() => expect(localStorage.getItem(rememberedBlockSizeKey(MOCK_SHOP))).not.toBeNull())
  localStorage.setItem(rememberedBlockSizeKey('another-shop'), '300px')
  localStorage.setItem('the-page-own-key', 'kept')
  widget.unmount()
  resetReferralHistory()
  expect(localStorage.getItem(rememberedBlockSizeKey(MOCK_SHOP))).toBeNull()
  expect(localStorage.getItem(rememberedBlockSizeKey('another-shop'))).toBeNull()
  expect(localStorage.getItem('the-page-own-key')).toBe('kept')
})
