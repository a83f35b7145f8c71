import { commands } from 'vitest/browser'
import { en } from '../../src/i18n/en'
import { ar } from '../../src/i18n/locales/ar'
import { createTranslator } from '../../src/i18n/translator'
import { installMockApi, renderWidget, waitForState } from './support/widgetInBrowser'

/** The root's own polite live region (coupon feedback has its own, deeper down). */
const liveRegion = (root: HTMLElement) => root.querySelector<HTMLElement>(':scope > [role="status"]')

afterEach(async () => {
  vi.unstubAllGlobals()
  await commands.emulateMedia({ reducedMotion: null })
})

describe('the live region', () => {
  it('is present and silent while loading, then announces the loaded history politely', async () => {
    installMockApi({ slowDelayMs: 600 })
    const widget = await renderWidget('slow', { locale: 'en-US' })
    const loading = await waitForState(widget, 'loading')
    const region = liveRegion(loading)
    expect(region?.getAttribute('aria-live')).toBe('polite')
    expect(region?.textContent).toBe('')

    const root = await waitForState(widget, 'ready')
    // The same node, so screen readers hear the change rather than a new region appearing.
    expect(liveRegion(root)).toBe(region)
    expect(region?.textContent).toBe(createTranslator(en, 'en-US')('announceLoaded', { count: 17 }))
  })

  it('announces a failure politely, without moving focus', async () => {
    installMockApi()
    const widget = await renderWidget('server-error', { locale: 'en-US' })
    const root = await waitForState(widget, 'error')
    expect(liveRegion(root)?.textContent).toBe(en.announceProblem)
    expect(widget.host().shadowRoot?.activeElement ?? null).toBeNull()
  })

  it('announces in the shopper’s language', async () => {
    installMockApi()
    const widget = await renderWidget('empty', { locale: 'ar' })
    const root = await waitForState(widget, 'empty')
    expect(liveRegion(root)?.textContent).toBe(ar.announceEmpty)
  })
})

describe('status', () => {
  it('is always written in words, the colour dot is decoration only', async () => {
    installMockApi()
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    const labels = Array.from(root.querySelectorAll<HTMLElement>('.bh-rh-status-label'))
    expect(labels.length).toBe(17)
    for (const label of labels) {
      expect(label.textContent?.trim()).not.toBe('')
      expect(label.querySelector('.bh-rh-status-dot')?.getAttribute('aria-hidden')).toBe('true')
    }
  })
})

describe('motion', () => {
  it('pulses the loading skeleton normally', async () => {
    installMockApi()
    const widget = await renderWidget('slow', { locale: 'en-US' })
    const root = await waitForState(widget, 'loading')
    await vi.waitFor(() => expect(root.querySelector('.bh-rh-skeleton-block')).not.toBeNull())
    const block = root.querySelector('.bh-rh-skeleton-block') as HTMLElement
    expect(getComputedStyle(block).animationName).toBe('bh-rh-pulse')
  })

  it('holds the skeleton still when the shopper prefers reduced motion', async () => {
    await commands.emulateMedia({ reducedMotion: 'reduce' })
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true)
    installMockApi()
    const widget = await renderWidget('slow', { locale: 'en-US' })
    const root = await waitForState(widget, 'loading')
    await vi.waitFor(() => expect(root.querySelector('.bh-rh-skeleton-block')).not.toBeNull())
    const block = root.querySelector('.bh-rh-skeleton-block') as HTMLElement
    expect(getComputedStyle(block).animationName).toBe('none')
  })
})
