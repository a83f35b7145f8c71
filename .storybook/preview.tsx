import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { spyOn, type MockInstance } from 'storybook/test'
import { resetReportedMessages } from '../src/views/reportOnce'
import '../src/views/styles/referral-history.css'

declare module 'storybook/internal/csf' {
  interface Parameters {
    /**
     * The exact `console.error` messages a story is meant to log (e.g. the config-error story's
     * integrator message). Any other console error fails the story, and so does a missing one.
     */
    expectedConsoleErrors?: readonly string[]
    /** CSS width of the box the widget renders in, e.g. `320px` for a narrow phone. */
    widgetWidth?: string
    /** `--bh-rh-block-size` for this story, e.g. `auto` to show the whole history without scrolling. */
    widgetBlockSize?: string
    /** The screenshot run (test/storybook) also shoots this story in a 390 × 844 phone window. */
    phoneScreenshot?: boolean
    /** `false` skips the screenshot run's second, full-content picture (`--bh-rh-block-size: auto`). */
    fullContentScreenshot?: boolean
  }
}

const consoleErrorSpies = new WeakMap<HTMLElement, MockInstance<typeof console.error>>()

/** One console.error call as a reader would see it. */
function describeCall(args: readonly unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' ')
}

const preview: Preview = {
  // The mock Bubblehouse API runs in msw's service worker (public/mockServiceWorker.js).
  loaders: [mswLoader()],
  beforeEach({ canvasElement, viewMode }) {
    // The widget reports each integrator message once per page; every story starts fresh.
    resetReportedMessages()
    // Docs pages render many stories at once, so a console error cannot be pinned on one story.
    if (viewMode === 'docs') return
    const spy = spyOn(console, 'error')
    consoleErrorSpies.set(canvasElement, spy)
    return () => {
      consoleErrorSpies.delete(canvasElement)
      spy.mockRestore()
    }
  },
  afterEach({ canvasElement, parameters }) {
    const spy = consoleErrorSpies.get(canvasElement)
    if (!spy) return
    const expected = parameters.expectedConsoleErrors ?? []
    const logged = spy.mock.calls.map((args) => describeCall(args))
    const unexpected = logged.filter((message) => !expected.includes(message))
    const missing = expected.filter((message) => !logged.includes(message))
    if (unexpected.length > 0 || missing.length > 0) {
      throw new Error(
        [
          'The story logged console errors it should not have, or missed the ones it should.',
          ...unexpected.map((message) => `unexpected: ${message}`),
          ...missing.map((message) => `missing: ${message}`),
        ].join('\n'),
      )
    }
  },
  decorators: [
    // A storefront-like box: the widget takes the page's typeface (as it does on a shop), so the
    // frame sets the sans-serif most storefronts use instead of the browser's default serif.
    (Story, { parameters }) => (
      <div
        className="story-frame"
        style={{
          width: parameters.widgetWidth ?? '100%',
          maxWidth: '56rem',
          fontFamily: 'system-ui, sans-serif',
          ...(parameters.widgetBlockSize ? { '--bh-rh-block-size': parameters.widgetBlockSize } : {}),
        }}
      >
        <Story />
      </div>
    ),
  ],
  parameters: {
    layout: 'padded',
    // An axe violation fails the story test (and marks the story as errored in the static site).
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
  },
}

export default preview
