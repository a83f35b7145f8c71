import { QueryClient } from '@tanstack/react-query'
import { act, StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { MOCK_SHOP, TYPICAL_REFERRALS, mintMockCustomerToken } from '../../src/mock-api'
import { customerReferralsQueryKey } from '../../src/query/customerReferralsQueryOptions'
import { ReferralHistory, type ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { WIDGET_CSS } from '../../src/views/styles/adoptWidgetStyles'

// The kind of global CSS real storefront themes ship: resets by element and `*`, some with
// !important, a typeface and a 62.5 % root. The widget takes none of them (one rule for both
// builds: README, "Style isolation").
const HOSTILE_CSS = `
  html { font-size: 62.5% !important; }
  * { font-family: "Comic Sans MS", cursive !important; color: red !important; letter-spacing: 6px !important; text-transform: uppercase !important;
      line-height: 4 !important; font-style: italic !important; word-spacing: 12px !important;
      text-shadow: 2px 2px 0 lime !important; background-color: yellow !important; }
  table, tr, th, td { display: none !important; }
  div, p, h2 { padding: 40px !important; margin: 30px !important; border: 5px solid blue !important; }
  button { all: unset !important; }
`

const WATCHED_PROPERTIES = [
  'color',
  'display',
  'visibility',
  'letter-spacing',
  'text-transform',
  'line-height',
  'font-style',
  'font-size',
  'font-family',
  'padding-inline-start',
  'word-spacing',
  'text-shadow',
  'background-color',
  'padding-top',
  'margin-top',
  'border-top-width',
] as const

// Tell React this is a test environment, so act() waits for effects without warning.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const mounted: Array<{ root: Root; container: HTMLElement }> = []
const pageStyles: HTMLStyleElement[] = []

afterEach(() => {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount())
    container.remove()
  }
  for (const style of pageStyles.splice(0)) style.remove()
})

function addPageStyle(css: string): void {
  const style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
  pageStyles.push(style)
}

/** Renders the widget with its history already in the cache, so no request is made. */
async function renderWithHistory(props: Partial<ReferralHistoryProps> = {}, parentStyle = ''): Promise<HTMLElement> {
  const token = await mintMockCustomerToken('typical')
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  queryClient.setQueryData(customerReferralsQueryKey({ shop: MOCK_SHOP, token }), {
    referrals: [...TYPICAL_REFERRALS],
    totals: null,
  })
  const container = document.createElement('div')
  container.setAttribute('style', parentStyle)
  document.body.append(container)
  const root = createRoot(container)
  mounted.push({ root, container })
  await act(async () => {
    root.render(
      <ReferralHistory shop={MOCK_SHOP} token={token} locale="en-US" currency="EUR" timeZone="UTC" queryClient={queryClient} {...props} />,
    )
  })
  return container
}

/** The widget's root element, inside the shadow root when there is one. */
function widgetRoot(container: HTMLElement): HTMLElement {
  const host = container.querySelector('[data-bh-rh-host]')
  const scope: ParentNode = host?.shadowRoot ?? container
  const root = scope.querySelector<HTMLElement>('.bh-rh')
  if (!root) throw new Error('the widget did not render')
  return root
}

/** Computed styles of the parts a shopper looks at: title, table, a row's cells, the summary. */
function snapshotStyles(widget: HTMLElement): Record<string, Record<string, string>> {
  const parts = {
    root: widget,
    title: widget.querySelector('.bh-rh-title'),
    table: widget.querySelector('table'),
    row: widget.querySelector('tr[data-status]'),
    friend: widget.querySelector('tr[data-status] th'),
    status: widget.querySelector('tr[data-status] td'),
    history: widget.querySelector('.bh-rh-history'),
  }
  const snapshot: Record<string, Record<string, string>> = {}
  for (const [name, element] of Object.entries(parts)) {
    if (!element) throw new Error(`the widget has no ${name}`)
    const computed = getComputedStyle(element)
    snapshot[name] = Object.fromEntries(WATCHED_PROPERTIES.map((property) => [property, computed.getPropertyValue(property)]))
  }
  return snapshot
}

describe('ReferralHistory style isolation', () => {
  describe('given the default isolation (shadow root)', () => {
    it('renders inside an open shadow root of a host element', async () => {
      const container = await renderWithHistory()
      const host = container.querySelector('[data-bh-rh-host]')
      expect(host?.shadowRoot).toBeInstanceOf(ShadowRoot)
      expect(widgetRoot(container).getAttribute('data-state')).toBe('ready')
      expect(widgetRoot(container).querySelectorAll('tr[data-status]')).toHaveLength(TYPICAL_REFERRALS.length)
      // Nothing of the widget sits in the page's own DOM, where page selectors could reach it.
      expect(container.querySelector('.bh-rh')).toBeNull()
    })

    it('looks exactly the same on a page with hostile global CSS', async () => {
      const container = await renderWithHistory()
      const clean = snapshotStyles(widgetRoot(container))

      addPageStyle(HOSTILE_CSS)
      const hostile = snapshotStyles(widgetRoot(container))

      expect(hostile).toEqual(clean)
      const table = widgetRoot(container).querySelector('table')
      expect(table?.checkVisibility()).toBe(true)
      expect(table?.getBoundingClientRect().height).toBeGreaterThan(0)
    })

    it('still takes the theme custom properties set by the page', async () => {
      const container = await renderWithHistory({}, '--bh-rh-color-text: rgb(1, 2, 3)')
      addPageStyle(HOSTILE_CSS)
      expect(getComputedStyle(widgetRoot(container)).color).toBe('rgb(1, 2, 3)')
    })

    it('keeps one container in its shadow root under StrictMode, and removes it on unmount', async () => {
      const token = await mintMockCustomerToken('typical')
      const container = document.createElement('div')
      document.body.append(container)
      const root = createRoot(container)
      await act(async () => {
        root.render(
          <StrictMode>
            <ReferralHistory shop={MOCK_SHOP} token={token} locale="en-US" currency="EUR" timeZone="UTC" loadingDelayMs={0} />
          </StrictMode>,
        )
      })
      const shadow = container.querySelector('[data-bh-rh-host]')!.shadowRoot!
      expect([...shadow.children].map((child) => child.className)).toEqual(['bh-rh-shadow'])
      expect(shadow.querySelectorAll('.bh-rh')).toHaveLength(1)
      act(() => root.unmount())
      expect(shadow.children).toHaveLength(0)
      container.remove()
    })

    it('is hidden with the page section that contains it (visibility still inherits)', async () => {
      const container = await renderWithHistory({}, 'visibility: hidden')
      expect(getComputedStyle(widgetRoot(container)).visibility).toBe('hidden')
    })
  })

  describe('given isolation="none" with the stylesheet loaded by the page', () => {
    // The control: the same hostile CSS does reach a light-DOM widget, so the snapshot above
    // would notice a leak.
    it('is changed by hostile global CSS, which is why shadow is the default', async () => {
      addPageStyle(WIDGET_CSS)
      const container = await renderWithHistory({ isolation: 'none' })
      expect(container.querySelector('[data-bh-rh-host]')).toBeNull()
      const clean = snapshotStyles(widgetRoot(container))

      addPageStyle(HOSTILE_CSS)
      const hostile = snapshotStyles(widgetRoot(container))

      expect(hostile.title?.color).toBe('rgb(255, 0, 0)')
      expect(hostile.table?.display).toBe('none')
      expect(hostile).not.toEqual(clean)
    })
  })
})
