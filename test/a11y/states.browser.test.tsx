import { commands } from 'vitest/browser'
import type { ScenarioId } from '../../src/mock-api'
import type { ViewStateType } from '../../src/views/getViewState'
import type { ReferralHistoryProps } from '../../src/views/ReferralHistory'
import { installMockApi, renderWidget, runAxe, waitForState, type AxeSummary, type RenderedWidget } from './support/widgetInBrowser'

/**
 * axe (every rule, colour contrast included) on every state the shopper can meet, in both default
 * palettes and both directions, in real Chromium with the real shadow-root rendering. A summary
 * table is printed at the end for the release note.
 */

interface StateCase {
  name: string
  state: ViewStateType
  scenario: ScenarioId
  props?: Partial<ReferralHistoryProps> & { expiredToken?: boolean }
  /** Brings the widget into the state after the first answer (e.g. a refresh that fails). */
  after?: (widget: RenderedWidget) => Promise<void>
}

const STATES: StateCase[] = [
  { name: 'loading', state: 'loading', scenario: 'slow' },
  { name: 'empty', state: 'empty', scenario: 'empty', props: { referUrl: '/pages/refer' } },
  { name: 'ready', state: 'ready', scenario: 'typical' },
  { name: 'ready, unknown statuses', state: 'ready', scenario: 'unknown-values' },
  { name: 'invalid-token', state: 'invalid-token', scenario: 'typical', props: { expiredToken: true, signInUrl: '/account/login' } },
  { name: 'rate-limited', state: 'rate-limited', scenario: 'rate-limited' },
  {
    name: 'rate-limited, last good data',
    state: 'rate-limited',
    scenario: 'rate-limited-after-first',
    async after(widget) {
      await waitForState(widget, 'ready')
      await widget.queryClient.refetchQueries()
    },
  },
  { name: 'error', state: 'error', scenario: 'server-error' },
  { name: 'config-error', state: 'config-error', scenario: 'typical', props: { shop: '' } },
]

const THEMES = ['light', 'dark'] as const
/**
 * Two right-to-left runs. Arabic is the real thing, but axe's icon-ligature heuristic classes
 * joined Arabic script as icon glyphs and skips it in color-contrast (verified with
 * `axe.commons.text.isIconLigature`). Hebrew has no catalogue, so it shows the English words in
 * the mirrored layout, and contrast is measured there. Colours never depend on the language.
 */
const DIRECTIONS = [
  { dir: 'ltr', locale: 'en-US', contrastMeasured: true },
  { dir: 'rtl', locale: 'ar', contrastMeasured: false },
  { dir: 'rtl', locale: 'he', contrastMeasured: true },
] as const

const summary: Array<{ state: string; theme: string; dir: string; result: AxeSummary }> = []

beforeEach(() => {
  installMockApi()
  // The config-error case reports its integrator message on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  await commands.emulateMedia({ colorScheme: null })
})

afterAll(() => {
  const lines = summary.map(
    ({ state, theme, dir, result }) =>
      `| ${state} | ${theme} | ${dir} | ${result.violations.length} | ${result.passes.length} | ${result.passes.includes('color-contrast') ? 'pass' : 'n/a'} |`,
  )
  console.log(['axe in Chromium (violations / rules passed):', '| state | theme | dir | violations | rules passed | color-contrast |', '|---|---|---|---|---|---|', ...lines].join('\n'))
})

describe.each(STATES)('the $name state', ({ name, state, scenario, props, after }) => {
  describe.each(THEMES)('in the %s theme', (theme) => {
    it.each(DIRECTIONS)('has no axe violations, contrast included, $dir ($locale)', async ({ dir, locale, contrastMeasured }) => {
      const widget = await renderWidget(scenario, { locale, theme, ...props })
      if (after) await after(widget)
      const root = await waitForState(widget, state)
      expect(root.getAttribute('dir')).toBe(dir)
      expect(root.getAttribute('data-theme')).toBe(theme)
      if (state === 'loading') await vi.waitFor(() => expect(root.querySelector('.bh-rh-skeleton')).not.toBeNull())

      const result = await runAxe(widget.container)
      summary.push({ state: name, theme, dir: `${dir} (${locale})`, result })
      expect(result.violations).toEqual([])
      // Proof the check ran on real text: contrast was measured on at least one element
      // (the loading skeleton is decorative and has no visible text).
      if (state !== 'loading' && contrastMeasured) expect(result.passes).toContain('color-contrast')
      widget.unmount()
    })
  })
})

describe('theme="auto"', () => {
  it('uses the dark palette when the shopper prefers dark, and passes axe', async () => {
    await commands.emulateMedia({ colorScheme: 'dark' })
    const widget = await renderWidget('typical', { locale: 'en-US', theme: 'auto' })
    const root = await waitForState(widget, 'ready')
    expect(getComputedStyle(root).backgroundColor).toBe('rgb(13, 17, 23)')
    const result = await runAxe(widget.container)
    summary.push({ state: 'ready', theme: 'auto (dark)', dir: 'ltr', result })
    expect(result.violations).toEqual([])
  })

  it('uses the light palette when the shopper prefers light', async () => {
    await commands.emulateMedia({ colorScheme: 'light' })
    const widget = await renderWidget('typical', { locale: 'en-US', theme: 'auto' })
    const root = await waitForState(widget, 'ready')
    expect(getComputedStyle(root).backgroundColor).toBe('rgb(255, 255, 255)')
  })

  it('stays light under theme="light" even when the shopper prefers dark', async () => {
    await commands.emulateMedia({ colorScheme: 'dark' })
    const widget = await renderWidget('typical', { locale: 'en-US' })
    const root = await waitForState(widget, 'ready')
    expect(getComputedStyle(root).backgroundColor).toBe('rgb(255, 255, 255)')
  })
})

describe('the contrast check itself', () => {
  it('reports a host theme whose muted text is too pale', async () => {
    const widget = await renderWidget('typical', { locale: 'en-US' })
    // Custom properties inherit into the shadow root: the theming channel, here misused.
    widget.host().style.setProperty('--bh-rh-color-muted', '#c8c8c8')
    await waitForState(widget, 'ready')
    const result = await runAxe(widget.container)
    expect(result.violations.map((violation) => violation.id)).toContain('color-contrast')
  })
})
