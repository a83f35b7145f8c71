import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import axe from 'axe-core'
import { createMockBubblehouseApi, MOCK_SHOP, mintMockCustomerToken, type MockBubblehouseApi, type ScenarioId } from '../../../src/mock-api'
import type { ViewStateType } from '../../../src/views/getViewState'
import { ReferralHistory, type ReferralHistoryProps } from '../../../src/views/ReferralHistory'

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** See test/a11y/support/emulateMediaCommand.ts. */
    emulateMedia: (media: import('./emulateMediaCommand').EmulatedMedia) => Promise<void>
  }
}

export const TEST_API_BASE_URL = 'https://api.test/api'

/** Short waits between retries so error states settle at once; the real count of retries stays. */
export const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 4, rateLimitCooldownMs: 60_000, random: () => 0.5 }

/**
 * Puts the one mock Bubblehouse API behind `fetch` for requests to TEST_API_BASE_URL, so the
 * widget runs its real fetch wrapper, schema and retry rules in Chromium with no network and no
 * service worker. Other requests (Vite's own modules) pass through. Returns the API for its
 * request log; `vi.unstubAllGlobals()` removes it.
 */
export function installMockApi({ slowDelayMs = 86_400_000 }: { slowDelayMs?: number } = {}): MockBubblehouseApi {
  // By default the `slow` customer answers after a day: a loading state that stays put.
  const api = createMockBubblehouseApi({ slowDelayMs })
  const realFetch = globalThis.fetch.bind(globalThis)
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    return request.url.startsWith(TEST_API_BASE_URL) ? api.handle(request) : realFetch(input, init)
  })
  return api
}

export interface RenderedWidget {
  /** The `.bh-rh` root inside the widget's shadow root. */
  root: () => HTMLElement
  /** The element that hosts the shadow root. */
  host: () => HTMLElement
  /** The test's own cache, seeded by the real request. */
  queryClient: QueryClient
  container: HTMLElement
  unmount: () => void
}

/** Renders the widget as a React shop renders it (default shadow-root isolation) for a scenario customer. */
export async function renderWidget(
  scenario: ScenarioId,
  props: Partial<ReferralHistoryProps> & { expiredToken?: boolean } = {},
): Promise<RenderedWidget> {
  const { expiredToken, ...widgetProps } = props
  const token = await mintMockCustomerToken(scenario, expiredToken ? { expiresIn: -3600 } : {})
  const queryClient = new QueryClient()
  const utils = render(
    <ReferralHistory
      shop={MOCK_SHOP}
      token={token}
      apiBaseUrl={TEST_API_BASE_URL}
      currency="EUR"
      timeZone="UTC"
      loadingDelayMs={0}
      retryPolicy={FAST_RETRIES}
      {...widgetProps}
      queryClient={queryClient}
    />,
  )
  const host = () => {
    const element = utils.container.querySelector<HTMLElement>('[data-bh-rh-host]')
    if (!element) throw new Error('the widget rendered no shadow host')
    return element
  }
  const root = () => {
    const element = (host().shadowRoot ?? utils.container).querySelector<HTMLElement>('.bh-rh')
    if (!element) throw new Error('the widget root is not rendered yet')
    return element
  }
  return { root, host, queryClient, container: utils.container, unmount: utils.unmount }
}

/**
 * Waits until the root shows `state` (and the translated catalogue has arrived). A history is
 * also waited for until every row is in (`settled`, the default): rows past the first render's
 * come in steps, a task or more later, while the table is `aria-busy`.
 */
export async function waitForState(widget: RenderedWidget, state: ViewStateType, { settled = true }: { settled?: boolean } = {}): Promise<HTMLElement> {
  await vi.waitFor(
    () => {
      expect(widget.root().getAttribute('data-state')).toBe(state)
      if (settled) expect(widget.root().querySelector('table[aria-busy]')).toBeNull()
    },
    { timeout: 5000, interval: 20 },
  )
  return widget.root()
}

export interface AxeSummary {
  violations: Array<{ id: string; impact: string | null | undefined; nodes: string[] }>
  /** Rules that passed on at least one element. */
  passes: string[]
  /** Elements axe could not decide about, per rule (e.g. contrast over a gradient). */
  incomplete: Array<{ id: string; nodes: number }>
}

/**
 * Runs every axe rule (WCAG 2.x A/AA and best practices, including color-contrast, which needs real
 * layout and colours) on `element`, its shadow roots included.
 */
export async function runAxe(element: Element): Promise<AxeSummary> {
  const results = await axe.run(element, { resultTypes: ['violations', 'incomplete', 'passes'] })
  return {
    violations: results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => `${node.html} — ${node.failureSummary ?? ''}`),
    })),
    passes: results.passes.map((pass) => pass.id),
    incomplete: results.incomplete.map((item) => ({ id: item.id, nodes: item.nodes.length })),
  }
}

/** WCAG relative luminance contrast ratio of two `rgb()`/`rgba()` colours (alpha ignored). */
export function contrastRatio(first: string, second: string): number {
  const luminance = (color: string) => {
    const channels = color.match(/[\d.]+/g)?.slice(0, 3).map(Number)
    if (!channels || channels.length < 3) throw new Error(`not an rgb() colour: ${color}`)
    const [r, g, b] = channels.map((value) => {
      const c = value / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}
