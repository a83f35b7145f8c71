import type { Page } from '@playwright/test'
import { FRAME_WIDTHS, INTRINSIC_WIDTH_PX, LAYOUT_CASES, layoutPageCss } from '../support/layoutCases'
import { ELEMENT, expect, test, widgetIn } from './fixtures'
import { E2E_API_BASE } from './storefrontServer'

// Issue 14, points 1 and 2, for the script-tag element (the npm component meets the same pages in
// test/views/ReferralHistory.layouts.browser.test.tsx).

const WIDGET_ATTRIBUTES = {
  shop: 'demo-shop',
  currency: 'EUR',
  'api-base-url': E2E_API_BASE,
  'token-url': '/dev-merchant/customer-token?customer=typical',
}

/** A blank storefront page with the given CSS and markup, and the widget in `#slot` (or the body). */
async function openPage(page: Page, { css, html = '' }: { css: string; html?: string }): Promise<void> {
  await page.goto('/blank.html')
  await page.evaluate(
    ({ css, html, name, attributes }) => {
      const style = document.createElement('style')
      style.textContent = css
      document.head.append(style)
      document.body.insertAdjacentHTML('beforeend', html)
      const element = document.createElement(name)
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
      ;(document.getElementById('slot') ?? document.body).append(element)
    },
    { css, html, name: ELEMENT, attributes: WIDGET_ATTRIBUTES },
  )
  await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
}

async function elementWidth(page: Page): Promise<number> {
  return page.locator(ELEMENT).evaluate((element) => element.getBoundingClientRect().width)
}

test.describe('given a layout that sizes the element from its content', () => {
  for (const layout of LAYOUT_CASES) {
    test(`in ${layout.name} on a wide page, the element is 40em wide and its rows show`, async ({ page }) => {
      await openPage(page, { css: layoutPageCss(layout, FRAME_WIDTHS.wide), html: `<div id="frame">${layout.html}</div>` })
      expect(await elementWidth(page), `${layout.name}: element width`).toBeCloseTo(INTRINSIC_WIDTH_PX, 0)
      await expect(page.locator(ELEMENT).locator('tbody tr').first()).toBeVisible()
    })

    test(`in ${layout.name} in a 320px phone column, the element takes the column and does not overflow`, async ({ page }) => {
      await openPage(page, { css: layoutPageCss(layout, FRAME_WIDTHS.phone), html: `<div id="frame">${layout.html}</div>` })
      const { width, overflow } = await page.locator(ELEMENT).evaluate((element) => {
        const frame = document.getElementById('frame')!.getBoundingClientRect()
        const box = element.getBoundingClientRect()
        return { width: box.width, overflow: Math.max(0, box.right - frame.right, frame.left - box.left) }
      })
      // The table cell keeps its own padding and spacing (6px); every other layout gives all 320px.
      expect(width, `${layout.name}: element width`).toBeGreaterThanOrEqual(FRAME_WIDTHS.phone - 6)
      expect(overflow, `${layout.name}: overflow of the frame`).toBe(0)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
    })
  }

  for (const [name, css] of [
    ['float: left', 'float: left'],
    ['position: absolute', 'position: absolute; inset-block-start: 0; inset-inline-start: 0'],
    ['width: fit-content', 'inline-size: fit-content'],
  ] as const) {
    test(`set on the element itself (${name}), the element is 40em wide`, async ({ page }) => {
      await openPage(page, { css: `body { margin: 0; } ${ELEMENT} { ${css}; }` })
      expect(await elementWidth(page)).toBeCloseTo(INTRINSIC_WIDTH_PX, 0)
    })
  }
})

test.describe("given the merchant's own width on the element", () => {
  test('a width wins over the intrinsic width, in a centred flex column', async ({ page }) => {
    await openPage(page, {
      css: `body { margin: 0; } #slot { display: flex; flex-direction: column; align-items: center; } ${ELEMENT} { width: 250px; }`,
      html: '<div id="slot"></div>',
    })
    expect(await elementWidth(page)).toBe(250)
    expect(await widgetIn(page.locator(ELEMENT)).evaluate((root) => root.getBoundingClientRect().width)).toBe(250)
  })

  test('a max-width wins over the available width, in a plain block', async ({ page }) => {
    await openPage(page, { css: `body { margin: 0; } ${ELEMENT} { max-width: 300px; }` })
    expect(await elementWidth(page)).toBe(300)
  })

  test('a width wider than the intrinsic width is taken in full', async ({ page }) => {
    await openPage(page, {
      css: `body { margin: 0; } #slot { display: flex; flex-direction: column; align-items: center; } ${ELEMENT} { width: 900px; }`,
      html: '<div id="slot"></div>',
    })
    expect(await widgetIn(page.locator(ELEMENT)).evaluate((root) => root.getBoundingClientRect().width)).toBe(900)
  })
})

/** What a shopper sees of the widget's size: its box and its three text sizes. */
async function measureSizes(page: Page) {
  return page.locator(ELEMENT).evaluate((element) => {
    const root = element.shadowRoot!.querySelector<HTMLElement>('.bh-rh')!
    const size = (selector: string) => getComputedStyle(root.querySelector(selector) ?? root).fontSize
    return {
      boxHeight: element.getBoundingClientRect().height,
      body: getComputedStyle(root).fontSize,
      title: size('.bh-rh-title'),
      small: size('.bh-rh-secondary'),
      cellPadding: getComputedStyle(root.querySelector('tbody th, tbody td')!).paddingInlineStart,
    }
  })
}

test.describe("given the page's root font size", () => {
  test('the element renders the same sizes under html { font-size } of 62.5 %, 100 % and 125 %', async ({ page }) => {
    const sizes: Record<string, Awaited<ReturnType<typeof measureSizes>>> = {}
    for (const root of ['62.5%', '100%', '125%']) {
      await openPage(page, { css: `html { font-size: ${root}; } body { margin: 0; } ${ELEMENT} { width: 720px; }` })
      sizes[root] = await measureSizes(page)
    }
    expect(sizes['100%']).toMatchObject({ boxHeight: 576, body: '16px', title: '20px', small: '14px' })
    expect(sizes['62.5%']).toEqual(sizes['100%'])
    expect(sizes['125%']).toEqual(sizes['100%'])
  })
})

test.describe("given the page's typeface", () => {
  test('the element takes no font family from the page, like the npm component', async ({ page }) => {
    const fontOf = () => widgetIn(page.locator(ELEMENT)).evaluate((root) => getComputedStyle(root).fontFamily)
    await openPage(page, { css: '' })
    const plain = await fontOf()
    await openPage(page, { css: `html, body, ${ELEMENT} { font-family: "Courier New", monospace; }` })
    expect(await fontOf()).toBe(plain)
    expect(plain).toMatch(/^system-ui/)
  })

  test('the element takes a typeface named in --bh-rh-font-family', async ({ page }) => {
    await openPage(page, { css: `${ELEMENT} { --bh-rh-font-family: Georgia, serif; }` })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveCSS('font-family', 'Georgia, serif')
  })
})

test.describe('given --bh-rh-block-size on the element', () => {
  test('a length is its height, and auto grows it with its history instead of scrolling', async ({ page }) => {
    const heights = () =>
      page.locator(ELEMENT).evaluate((element) => {
        const root = element.shadowRoot!.querySelector<HTMLElement>('.bh-rh')!
        const body = root.querySelector<HTMLElement>('.bh-rh-body')!
        return { element: element.getBoundingClientRect().height, root: root.getBoundingClientRect().height, scrolls: body.scrollHeight > body.clientHeight }
      })
    await openPage(page, { css: `${ELEMENT} { --bh-rh-block-size: 20em; width: 720px; }` })
    expect(await heights()).toEqual({ element: 320, root: 320, scrolls: true })

    await openPage(page, { css: `${ELEMENT} { --bh-rh-block-size: auto; width: 720px; }` })
    const grown = await heights()
    expect(grown.element).toBeGreaterThan(576)
    expect(grown).toEqual({ element: grown.element, root: grown.element, scrolls: false })
  })
})
