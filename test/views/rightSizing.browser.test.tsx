import { page } from 'vitest/browser'
import type { ScenarioId } from '../../src/mock-api'
import { resetReferralHistory } from '../../src/views/resetReferralHistory'
import { readRememberedBlockSize, REMEMBERED_BLOCK_SIZES_KEY } from '../../src/views/size/rememberedBlockSize'
import type { ViewStateType } from '../../src/views/getViewState'
import { MOCK_SHOP } from '../../src/mock-api'
import { installMockApi, renderWidget, waitForState, type RenderedWidget } from '../a11y/support/widgetInBrowser'
import { FIRST_ROWS, FULL_LAYOUT_SENDS } from '../../src/views/ReferralList'

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

/** Stores remembered heights as the widget does: `{"<shop>": "<n>px"}` under one key. */
const remember = (sizes: Record<string, string>) => localStorage.setItem(REMEMBERED_BLOCK_SIZES_KEY, JSON.stringify(sizes))

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

  it("reserves this shop's remembered height, and remembers a history's or the empty notice's height as a number", async () => {
    remember({ [MOCK_SHOP]: '203px' })
    const loading = await renderWidget('slow', { locale: 'en-US' })
    await waitForState(loading, 'loading')
    expect(boxHeight(loading)).toBe(203)
    loading.unmount()

    const empty = await renderWidget('empty', { locale: 'en-US' })
    await waitForState(empty, 'empty')
    await vi.waitFor(() => expect(readRememberedBlockSize(MOCK_SHOP)).toBe(`${Math.round(boxHeight(empty))}px`))
    expect(boxHeight(empty)).toBeLessThan(203)
  })

  it("never replaces a remembered history's height with an error's: a failed visit must not shrink the next one", async () => {
    remember({ [MOCK_SHOP]: '480px' })
    const widget = await renderWidget('server-error', { locale: 'en-US' })
    await waitForState(widget, 'error')
    await new Promise((resolve) => requestAnimationFrame(resolve))
    expect(boxHeight(widget)).toBeLessThan(300)
    expect(readRememberedBlockSize(MOCK_SHOP)).toBe('480px')
  })

  it("remembers an error's height where nothing is remembered yet (a new customer's failed first visit)", async () => {
    const widget = await renderWidget('server-error', { locale: 'en-US' })
    await waitForState(widget, 'error')
    await vi.waitFor(() => expect(readRememberedBlockSize(MOCK_SHOP)).toBe(`${Math.round(boxHeight(widget))}px`))
  })

  it('ignores a remembered value it did not write', async () => {
    remember({ [MOCK_SHOP]: 'calc(100vh + 1px)' })
    const widget = await renderWidget('slow', { locale: 'en-US' })
    await waitForState(widget, 'loading')
    expect(boxHeight(widget)).toBeCloseTo(18 * REM, 0)
  })

  it('keeps a fixed --bh-rh-block-size while loading too (no reserved box over it), and remembers nothing', async () => {
    remember({ [MOCK_SHOP]: '400px' })
    document.body.style.setProperty('--bh-rh-block-size', '12em')
    try {
      const widget = await renderWidget('slow', { locale: 'en-US' })
      await waitForState(widget, 'loading')
      expect(boxHeight(widget)).toBeCloseTo(12 * REM, 0)
      expect(widget.root().getBoundingClientRect().height).toBeCloseTo(12 * REM, 0)
    } finally {
      document.body.style.removeProperty('--bh-rh-block-size')
    }
  })

  it("sizes its own root, not the page's element, when rendered in the light DOM inside the page's own shadow root", async () => {
    const panel = document.createElement('div')
    document.body.append(panel)
    const shadow = panel.attachShadow({ mode: 'open' })
    const slot = document.createElement('div')
    shadow.append(slot)
    const { createRoot } = await import('react-dom/client')
    const { ReferralHistory } = await import('../../src/views/ReferralHistory')
    const { act } = await import('react')
    const { mintMockCustomerToken } = await import('../../src/mock-api')
    const { TEST_API_BASE_URL } = await import('../a11y/support/widgetInBrowser')
    const root = createRoot(slot)
    const token = await mintMockCustomerToken('empty')
    await act(async () => root.render(<ReferralHistory shop={MOCK_SHOP} token={token} apiBaseUrl={TEST_API_BASE_URL} isolation="none" />))
    try {
      await vi.waitFor(() => expect(shadow.querySelector('.bh-rh')?.getAttribute('data-state')).toBe('empty'))
      expect(panel.style.getPropertyValue('--bh-rh-_reserved-block-size')).toBe('')
      expect((shadow.querySelector('.bh-rh') as HTMLElement).style.getPropertyValue('--bh-rh-_reserved-block-size')).toBe('0px')
    } finally {
      await act(async () => root.unmount())
      panel.remove()
    }
  })
})

it('forgets the remembered height of every shop on resetReferralHistory() (a sign-out)', async () => {
  const widget = await renderWidget('empty', { locale: 'en-US' })
  await waitForState(widget, 'empty')
  await vi.waitFor(() => expect(readRememberedBlockSize(MOCK_SHOP)).toBeDefined())
  remember({ [MOCK_SHOP]: '200px', 'another-shop': '300px' })
  localStorage.setItem('the-page-own-key', 'kept')
  widget.unmount()
  resetReferralHistory()
  expect(readRememberedBlockSize(MOCK_SHOP)).toBeUndefined()
  expect(readRememberedBlockSize('another-shop')).toBeUndefined()
  expect(localStorage.getItem('the-page-own-key')).toBe('kept')
})

it('lays out the first 25 sends in full, every send of the first render among them: content-visibility starts at the 26th', async () => {
  // A `content-visibility: auto` send seen for the first time costs its frame a second style and
  // layout pass (BENCHMARKS.md figure 12), and one laid out at the assumed height moves the page.
  const widget = await renderWidget('many', { locale: 'en-US' })
  const root = await waitForState(widget, 'ready', { settled: false })
  const sends = () => Array.from(root.querySelectorAll<HTMLElement>('tbody.bh-rh-group'))
  expect(FIRST_ROWS).toBeLessThanOrEqual(FULL_LAYOUT_SENDS)
  await vi.waitFor(() => expect(sends().length).toBeGreaterThan(FULL_LAYOUT_SENDS + 1), { timeout: 10_000 })
  const visibility = sends().map((send) => getComputedStyle(send).contentVisibility)
  expect(visibility.slice(0, FULL_LAYOUT_SENDS)).toEqual(Array(FULL_LAYOUT_SENDS).fill('visible'))
  expect(visibility.slice(FULL_LAYOUT_SENDS, FULL_LAYOUT_SENDS + 2)).toEqual(['auto', 'auto'])
})
