import { userEvent } from 'vitest/browser'
import { en } from '../../src/i18n/en'
import { contrastRatio, installMockApi, renderWidget, waitForState, type RenderedWidget } from './support/widgetInBrowser'

/**
 * Everything works from the keyboard, in DOM order, with a focus ring that is visible (an outline
 * of at least 2px, 3:1 against the widget background: WCAG 2.4.7 / 1.4.11) in both palettes.
 * Real key presses through Playwright, so `:focus-visible` applies as it does for a shopper.
 */

const focusedInWidget = (widget: RenderedWidget) => widget.host().shadowRoot?.activeElement ?? null
/** Every tab stop, in DOM order: the scrolling body region first (so keyboard users can scroll a
 * long history), then the buttons and links inside it. */
const controls = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>('[tabindex="0"], button, a[href]'))

/** Tab onto the widget's scrolling body (the first stop), check it is the named region, then on. */
async function tabPastBody(widget: RenderedWidget): Promise<void> {
  await userEvent.tab()
  const body = focusedInWidget(widget)
  expect(body?.getAttribute('role')).toBe('region')
  expect(body?.getAttribute('aria-labelledby')).toBeTruthy()
}

function expectVisibleFocusRing(element: HTMLElement, root: HTMLElement): void {
  const style = getComputedStyle(element)
  expect(style.outlineStyle).toBe('solid')
  expect(Number.parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2)
  expect(contrastRatio(style.outlineColor, getComputedStyle(root).backgroundColor)).toBeGreaterThanOrEqual(3)
}

let api: ReturnType<typeof installMockApi>
beforeEach(() => {
  api = installMockApi()
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  describe.each(['en-US', 'ar'])('in %s', (locale) => {
    it('reaches every control of the history with Tab, in order, with a visible focus ring', async () => {
      const widget = await renderWidget('typical', { locale, theme })
      const root = await waitForState(widget, 'ready')
      const expected = controls(root)
      expect(expected.length).toBeGreaterThan(3) // the body, coupon Copy buttons and "Use coupon" links
      expect(expected[0]?.classList.contains('bh-rh-body')).toBe(true)

      for (const control of expected) {
        await userEvent.tab()
        expect(focusedInWidget(widget)).toBe(control)
        expect(control.matches(':focus-visible')).toBe(true)
        expectVisibleFocusRing(control, root)
      }
      widget.unmount()
    })
  })
})

describe('operating controls from the keyboard', () => {
  it('copies the newest open invitation\'s link with Enter and says what happened', async () => {
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    await tabPastBody(widget)
    await userEvent.tab()
    const copy = focusedInWidget(widget) as HTMLElement
    expect(copy.textContent).toBe(en['invite.copy'])
    expect(copy.closest('tr')?.getAttribute('data-status')).toBe('invited')
    await userEvent.keyboard('{Enter}')
    const feedback = copy.closest('.bh-rh-invite')?.querySelector('[role="status"]')
    await vi.waitFor(() => expect([en['invite.copied'], en['invite.copyFailed']]).toContain(feedback?.textContent))
    expect(root.contains(copy)).toBe(true)
  })

  it('copies a coupon code with Enter and says what happened', async () => {
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    await tabPastBody(widget)
    // Past the open invitations' "Copy link" buttons, which come first (newest first).
    let copy: HTMLElement | null = null
    for (let step = 0; step < 10 && copy?.textContent !== en['coupon.copy']; step++) {
      await userEvent.tab()
      copy = focusedInWidget(widget) as HTMLElement | null
    }
    expect(copy?.textContent).toBe(en['coupon.copy'])
    if (!copy) throw new Error('no coupon Copy button took focus')
    await userEvent.keyboard('{Enter}')
    const feedback = copy.closest('.bh-rh-coupon')?.querySelector('[role="status"]')
    // Headless Chromium may refuse the clipboard; either outcome is announced in words.
    await vi.waitFor(() => expect([en['coupon.copied'], en['coupon.copyFailed']]).toContain(feedback?.textContent))
    expect(root.contains(copy)).toBe(true)
  })

  it('retries after an error with Space on the Retry button', async () => {
    const widget = await renderWidget('server-error', { locale: 'en-US' })
    await waitForState(widget, 'error')
    const before = api.requests.length
    await tabPastBody(widget)
    await userEvent.tab()
    const retry = focusedInWidget(widget) as HTMLElement
    expect(retry.textContent).toBe(en['error.retry'])
    await userEvent.keyboard(' ')
    await vi.waitFor(() => expect(api.requests.length).toBeGreaterThan(before))
  })

  it('keeps the keyboard focus in the widget when Retry goes away with the Error state (its load shows Loading)', async () => {
    const widget = await renderWidget('server-error', { locale: 'en-US' })
    await waitForState(widget, 'error')
    await tabPastBody(widget)
    await userEvent.tab()
    expect(focusedInWidget(widget)?.textContent).toBe(en['error.retry'])
    const before = api.requests.length
    await userEvent.keyboard('{Enter}')
    // Loading (with these tests' fast retries, a few ms), then Error again with a new Retry.
    await vi.waitFor(() => expect(api.requests.length).toBeGreaterThan(before))
    await waitForState(widget, 'error')
    // Not dropped to the page's start when Retry went: on the widget's named body region, where
    // the next Tab continues and where the rows or the notice appear.
    const focused = focusedInWidget(widget)
    expect(focused?.getAttribute('role')).toBe('region')
    expect(focused?.classList.contains('bh-rh-body')).toBe(true)
  })

  it('never pulls the focus back from the page when Retry goes away after the shopper moved on', async () => {
    const widget = await renderWidget('server-error', { locale: 'en-US' })
    await waitForState(widget, 'error')
    await tabPastBody(widget)
    await userEvent.tab()
    const retry = focusedInWidget(widget) as HTMLElement
    const pageButton = document.body.appendChild(document.createElement('button'))
    pageButton.textContent = 'A control of the page'
    try {
      pageButton.focus()
      const before = api.requests.length
      retry.click() // the retry starts while the focus is on the page
      await vi.waitFor(() => expect(api.requests.length).toBeGreaterThan(before))
      await waitForState(widget, 'error')
      expect(document.activeElement).toBe(pageButton)
      expect(focusedInWidget(widget)).toBeNull()
    } finally {
      pageButton.remove()
    }
  })

  it('follows the empty state call to action from the keyboard', async () => {
    const widget = await renderWidget('empty', { locale: 'en-US', referUrl: '#refer' })
    await waitForState(widget, 'empty')
    await tabPastBody(widget)
    await userEvent.tab()
    const link = focusedInWidget(widget) as HTMLAnchorElement
    expect(link.textContent).toBe(en['empty.cta'])
    await userEvent.keyboard('{Enter}')
    await vi.waitFor(() => expect(window.location.hash).toBe('#refer'))
    history.replaceState(null, '', window.location.pathname + window.location.search)
  })
})
