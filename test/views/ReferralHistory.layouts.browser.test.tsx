import { QueryClient } from '@tanstack/react-query'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { page } from 'vitest/browser'
import { MOCK_SHOP, TYPICAL_REFERRALS, mintMockCustomerToken } from '../../src/mock-api'
import { customerReferralsQueryKey } from '../../src/query/customerReferralsQueryOptions'
import { ReferralHistory } from '../../src/views/ReferralHistory'
import { FRAME_WIDTHS, INTRINSIC_WIDTH_PX, LAYOUT_CASES, layoutPageCss } from '../support/layoutCases'

// Issue 14, points 1 and 2, for the npm component (default isolation="shadow"); the script-tag
// element meets the same pages in test/e2e/layouts.spec.ts.

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let cleanups: Array<() => void> = []

beforeEach(async () => {
  await page.viewport(1280, 800)
})

afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup()
  cleanups = []
})

/** The page's CSS and markup, then the widget rendered into `#slot` (or a `<div>` in the body). */
async function renderOnPage({ css, html = '' }: { css: string; html?: string }): Promise<HTMLElement> {
  const style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
  const wrapper = document.createElement('div')
  wrapper.innerHTML = html
  document.body.append(wrapper)
  const slot = wrapper.querySelector<HTMLElement>('#slot') ?? wrapper

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
    wrapper.remove()
    style.remove()
  })
  const host = slot.querySelector<HTMLElement>('[data-bh-rh-host]')
  if (!host?.shadowRoot?.querySelector('.bh-rh[data-state="ready"]')) throw new Error('the widget did not render its history')
  return host
}

function widgetRootOf(host: HTMLElement): HTMLElement {
  return host.shadowRoot!.querySelector<HTMLElement>('.bh-rh')!
}

describe('given a layout that sizes the widget from its content', () => {
  for (const layout of LAYOUT_CASES) {
    it(`in ${layout.name} on a wide page, the widget is 40em wide and its rows show`, async () => {
      const host = await renderOnPage({ css: layoutPageCss(layout, FRAME_WIDTHS.wide), html: `<div id="frame">${layout.html}</div>` })
      expect(host.getBoundingClientRect().width, `${layout.name}: host width`).toBeCloseTo(INTRINSIC_WIDTH_PX, 0)
      expect(widgetRootOf(host).getBoundingClientRect().width).toBeCloseTo(INTRINSIC_WIDTH_PX, 0)
      const row = widgetRootOf(host).querySelector('tbody tr')!
      expect(row.checkVisibility()).toBe(true)
      expect(row.getBoundingClientRect().width).toBeGreaterThan(0)
    })

    it(`in ${layout.name} in a 320px phone column, the widget takes the column and does not overflow`, async () => {
      const host = await renderOnPage({ css: layoutPageCss(layout, FRAME_WIDTHS.phone), html: `<div id="frame">${layout.html}</div>` })
      const frame = document.getElementById('frame')!.getBoundingClientRect()
      const box = widgetRootOf(host).getBoundingClientRect()
      // The table cell keeps its own padding and spacing (6px); every other layout gives all 320px.
      expect(box.width, `${layout.name}: widget width`).toBeGreaterThanOrEqual(FRAME_WIDTHS.phone - 6)
      expect(box.right).toBeLessThanOrEqual(frame.right)
      expect(box.left).toBeGreaterThanOrEqual(frame.left)
    })
  }
})

describe("given the merchant's own width on the widget's host", () => {
  it('a width wins over the intrinsic width, in a centred flex column', async () => {
    const host = await renderOnPage({
      css: 'body { margin: 0; } #slot { display: flex; flex-direction: column; align-items: center; } #slot > * { width: 250px; }',
      html: '<div id="slot"></div>',
    })
    expect(host.getBoundingClientRect().width).toBe(250)
    expect(widgetRootOf(host).getBoundingClientRect().width).toBe(250)
  })

  it('a max-width wins over the available width, in a plain block', async () => {
    const host = await renderOnPage({ css: 'body { margin: 0; } #slot > * { max-width: 300px; }', html: '<div id="slot"></div>' })
    expect(widgetRootOf(host).getBoundingClientRect().width).toBe(300)
  })
})

describe("given the page's root font size", () => {
  function measureSizes(host: HTMLElement) {
    const root = widgetRootOf(host)
    const size = (selector: string) => getComputedStyle(root.querySelector(selector) ?? root).fontSize
    return {
      boxHeight: host.getBoundingClientRect().height,
      body: getComputedStyle(root).fontSize,
      title: size('.bh-rh-title'),
      small: size('.bh-rh-secondary'),
      cellPadding: getComputedStyle(root.querySelector('tbody th, tbody td')!).paddingInlineStart,
    }
  }

  it('renders the same sizes under html { font-size } of 62.5 %, 100 % and 125 %', async () => {
    const sizes: Record<string, ReturnType<typeof measureSizes>> = {}
    for (const rootSize of ['62.5%', '100%', '125%']) {
      const host = await renderOnPage({ css: `html { font-size: ${rootSize}; } #slot { width: 720px; }`, html: '<div id="slot"></div>' })
      sizes[rootSize] = measureSizes(host)
      for (const cleanup of cleanups.splice(0).reverse()) cleanup()
    }
    expect(sizes['100%']).toMatchObject({ boxHeight: 576, body: '16px', title: '20px', small: '14px' })
    expect(sizes['62.5%']).toEqual(sizes['100%'])
    expect(sizes['125%']).toEqual(sizes['100%'])
  })
})

describe("given the page's typeface", () => {
  it('does not take the font family from the page, like the script-tag element', async () => {
    const plain = getComputedStyle(widgetRootOf(await renderOnPage({ css: '' }))).fontFamily
    const themed = getComputedStyle(widgetRootOf(await renderOnPage({ css: 'html, body, div { font-family: "Courier New", monospace; }' }))).fontFamily
    expect(themed).toBe(plain)
    expect(plain).toMatch(/^system-ui/)
  })

  it('takes a typeface named in --bh-rh-font-family', async () => {
    const host = await renderOnPage({ css: '#slot { --bh-rh-font-family: Georgia, serif; }', html: '<div id="slot"></div>' })
    expect(getComputedStyle(widgetRootOf(host)).fontFamily).toBe('Georgia, serif')
  })
})

describe('given --bh-rh-block-size on a parent', () => {
  it('takes a length as its height, and with auto grows with its history instead of scrolling', async () => {
    const fixed = await renderOnPage({ css: '#slot { --bh-rh-block-size: 20em; width: 720px; }', html: '<div id="slot"></div>' })
    expect(fixed.getBoundingClientRect().height).toBe(320)
    expect(widgetRootOf(fixed).getBoundingClientRect().height).toBe(320)
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()

    const grown = await renderOnPage({ css: '#slot { --bh-rh-block-size: auto; width: 720px; }', html: '<div id="slot"></div>' })
    const body = widgetRootOf(grown).querySelector<HTMLElement>('.bh-rh-body')!
    expect(grown.getBoundingClientRect().height).toBeGreaterThan(576)
    expect(widgetRootOf(grown).getBoundingClientRect().height).toBe(grown.getBoundingClientRect().height)
    expect(body.scrollHeight).toBeLessThanOrEqual(body.clientHeight)
  })
})
