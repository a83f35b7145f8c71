import type { Page } from '@playwright/test'
import { ELEMENT, expect, test, widgetIn } from './fixtures'

// Issue 17, "right-sized in every state", for the built script-tag embed on the e2e storefront
// (the README's page rule and loader tag). The npm component's box per state is checked in
// test/views/rightSizing.browser.test.tsx; the layout shift per state is BENCHMARKS.md figure 9.

const KEY = 'bh-rh-block-sizes'
/** demo-shop's remembered height, as the page's storage holds it. */
const remembered = (page: Page) => page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, string>)['demo-shop'] ?? null, KEY)

/** Opens the storefront with its widget showing `customer`'s history (the page's token-url names it). */
async function openStorefront(page: Page, customer: string): Promise<void> {
  await page.route('**/storefront.html', async (route) => {
    const response = await route.fetch()
    const html = (await response.text()).replace('customer-token?customer=typical', `customer-token?customer=${customer}`)
    await route.fulfill({ response, body: html })
  })
  await page.goto('/storefront.html')
}

/** Records the element's height at every frame from the page's first one, and every layout shift. */
async function recordFrames(page: Page): Promise<() => Promise<{ heights: number[]; shift: number }>> {
  await page.addInitScript((element) => {
    const heights: number[] = []
    let shift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) shift += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
    const frame = () => {
      const box = document.querySelector(element)
      if (box) heights.push(Math.round(box.getBoundingClientRect().height))
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
    Object.assign(window, { frames: () => ({ heights: [...new Set(heights)], shift }) })
  }, ELEMENT)
  return () => page.evaluate(() => (window as unknown as { frames: () => { heights: number[]; shift: number } }).frames())
}

for (const { customer, state } of [
  { customer: 'typical', state: 'ready' },
  { customer: 'empty', state: 'empty' },
]) {
  test(`a returning shopper (${customer}) sees the widget's box from the first frame, and the page never moves`, async ({ page }) => {
    const frames = await recordFrames(page)
    await openStorefront(page, customer)
    const root = widgetIn(page.locator(ELEMENT))
    await expect(root).toHaveAttribute('data-state', state)
    const settled = await page.locator(ELEMENT).evaluate((element) => Math.round(element.getBoundingClientRect().height))
    const first = await frames()
    // The first visit reserves 18em (288 px) and then takes the content's height.
    expect(first.heights[0]).toBe(288)
    expect(settled).not.toBe(288)
    expect(await remembered(page)).toBe(`${settled}px`)

    await page.reload()
    await expect(root).toHaveAttribute('data-state', state)
    await page.waitForTimeout(300)
    const again = await frames()
    expect(again.heights).toEqual([settled])
    expect(again.shift).toBe(0)
  })
}

test('the empty state is at most 1.5 × its content, and reset() forgets the remembered height', async ({ page }) => {
  await openStorefront(page, 'empty')
  const host = page.locator(ELEMENT)
  await expect(widgetIn(host)).toHaveAttribute('data-state', 'empty')
  const { box, content } = await host.evaluate((element) => {
    const top = element.getBoundingClientRect().top
    const leaves = Array.from(element.shadowRoot!.querySelectorAll('.bh-rh *')).filter(
      (node) => node.children.length === 0 && !node.closest('.bh-rh-visually-hidden'),
    )
    const bottoms = leaves.map((node) => node.getBoundingClientRect()).filter((rect) => rect.width > 1 && rect.height > 1).map((rect) => rect.bottom)
    return { box: element.getBoundingClientRect().height, content: Math.max(...bottoms) - top }
  })
  expect(box / content, `box ${box} px, content ${content} px`).toBeLessThanOrEqual(1.5)
  await expect.poll(() => remembered(page)).not.toBeNull()

  await page.evaluate(() => (window as unknown as { BubblehouseReferralHistory: { reset(): void } }).BubblehouseReferralHistory.reset())
  expect(await remembered(page)).toBeNull()
})

test("the loader's reset() forgets the remembered heights before any widget has loaded (a sign-out on another page)", async ({ page }) => {
  await page.goto('/blank.html')
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ 'demo-shop': '368px' })), KEY)
  await page.evaluate(() => (window as unknown as { BubblehouseReferralHistory: { reset(): void } }).BubblehouseReferralHistory.reset())
  expect(await remembered(page)).toBeNull()
})
