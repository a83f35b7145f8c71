import { QueryClient } from '@tanstack/react-query'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { commands, page, userEvent } from 'vitest/browser'
import { MOCK_SHOP, TYPICAL_REFERRALS, mintMockCustomerToken } from '../../src/mock-api'
import { customerReferralsQueryKey } from '../../src/query/customerReferralsQueryOptions'
import { ReferralHistory } from '../../src/views/ReferralHistory'
import { THEME_NAMES } from '../support/themeNames'

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** See test/support/themeStylesheetCommand.ts. */
    themeStylesheet: (name: string) => Promise<string>
  }
}

// Issue 14, point 3, for the npm component (default isolation="shadow"): real published theme
// stylesheets (read from node_modules by a browser command) and a Dawn-like page of our own must
// not change a single pixel of the widget. The script-tag element: test/e2e/themeStylesheets.spec.ts.

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let cleanups: Array<() => void> = []

beforeEach(async () => {
  await page.viewport(1280, 800)
})

afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup()
  cleanups = []
})

// The same spot and width on every page (absolute, so a theme's body margin or grid cannot move
// it), in a white frame 16px wider on each side, so a ring or shadow the page draws around the
// widget's host shows in the screenshot too. The page around may differ, the widget's pixels may
// not. The canvas is opaque white on every page: the test page is an iframe, transparent unless a
// page paints it, and Chromium antialiases text differently over a transparent canvas, so a theme
// that paints `body` white (Bootstrap, Dawn) would change glyph pixels without touching the widget.
const PLACEMENT =
  'html { background: #fff; } #frame { position: absolute; top: 184px; left: 24px; padding: 16px; background: #fff; } #slot { width: 720px; }'

async function renderWithTheme(themeCss: string): Promise<HTMLElement> {
  const theme = document.createElement('style')
  theme.textContent = themeCss
  const placement = document.createElement('style')
  placement.textContent = PLACEMENT
  document.head.append(theme, placement)
  const frame = document.createElement('div')
  frame.id = 'frame'
  const slot = document.createElement('div')
  slot.id = 'slot'
  frame.append(slot)
  document.body.append(frame)

  const token = await mintMockCustomerToken('typical')
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  queryClient.setQueryData(customerReferralsQueryKey({ shop: MOCK_SHOP, token }), { referrals: [...TYPICAL_REFERRALS], totals: null })
  let root: Root | undefined
  await act(async () => {
    root = createRoot(slot)
    root.render(<ReferralHistory shop={MOCK_SHOP} token={token} locale="en-US" currency="EUR" timeZone="UTC" queryClient={queryClient} />)
  })
  cleanups.push(() => {
    act(() => root?.unmount())
    frame.remove()
    theme.remove()
    placement.remove()
  })
  await document.fonts.ready
  const host = slot.querySelector<HTMLElement>('[data-bh-rh-host]')
  if (!host?.shadowRoot?.querySelector('.bh-rh[data-state="ready"]')) throw new Error('the widget did not render its history')
  return host
}

/** The pixels of the widget's host and the 16px around it (base64 PNG). */
function widgetPixels(host: HTMLElement): Promise<string> {
  return page.screenshot({ element: host.closest('#frame')!, save: false })
}

function tearDown(): void {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
}

async function focusFirstControl(host: HTMLElement): Promise<void> {
  ;(document.activeElement as HTMLElement | null)?.blur()
  await userEvent.tab()
  expect(host.shadowRoot!.activeElement?.matches(':focus-visible')).toBe(true)
}

for (const theme of THEME_NAMES) {
  describe(`given the ${theme} stylesheet on the page`, () => {
    it('renders pixel-identical to the same page without theme CSS', async () => {
      const css = await commands.themeStylesheet(theme)
      const plain = await widgetPixels(await renderWithTheme(''))
      tearDown()
      // The whole published stylesheet (the Dawn-like page is the shortest, at about 2 KB).
      expect(css.length).toBeGreaterThan(1500)
      const themedHost = await renderWithTheme(css)
      expect(await widgetPixels(themedHost), `the widget looks different under ${theme}`).toBe(plain)
    })

    it('renders a keyboard-focused control pixel-identical too', async () => {
      const css = await commands.themeStylesheet(theme)
      const plainHost = await renderWithTheme('')
      await focusFirstControl(plainHost)
      const plain = await widgetPixels(plainHost)
      tearDown()
      const themedHost = await renderWithTheme(css)
      await focusFirstControl(themedHost)
      expect(await widgetPixels(themedHost), `the focused widget looks different under ${theme}`).toBe(plain)
    })
  })
}
