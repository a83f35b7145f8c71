import { expect, test } from '@playwright/test'
import { resolve } from 'node:path'
import { readBuiltStories, SCREENSHOT_DIR } from './storybookIndex.ts'

/** What the page records about its story, from Storybook's own preview channel. */
interface StoryOutcome {
  finished: { status: 'success' | 'error'; reporters: { type: string; status: string; result?: unknown }[] } | null
  exceptions: string[]
}

declare global {
  interface Window {
    __storyOutcome?: StoryOutcome
  }
}

/** Tallest picture taken; the 5,000-row story would otherwise be a PNG hundreds of screens long. */
const MAX_SCREENSHOT_HEIGHT = 4000

/** The phone of the review (an iPhone 12–15 sized window). */
const PHONE = { width: 390, height: 844 }

/** The story parameters the screenshot run reads (declared in .storybook/preview.tsx). */
interface ScreenshotParameters {
  expectedConsoleErrors?: string[]
  phoneScreenshot?: boolean
  fullContentScreenshot?: boolean
}

/** Whether any widget on the page scrolls its history inside its box (`.bh-rh-body`). */
function historyScrollsInBox(): boolean {
  const scrollsIn = (root: ParentNode): boolean =>
    Array.from(root.querySelectorAll<HTMLElement>('.bh-rh-body')).some((body) => body.scrollHeight > body.clientHeight + 1) ||
    Array.from(root.querySelectorAll('*')).some((element) => element.shadowRoot !== null && scrollsIn(element.shadowRoot))
  return scrollsIn(document)
}

for (const story of readBuiltStories()) {
  test(`${story.title} › ${story.name}`, async ({ page }) => {
    const problems: string[] = []
    const consoleErrors: string[] = []
    page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // Chromium logs every HTTP error answer. The mock API's 401/429/500 answers are what the
      // error-state stories are about; any other failed resource (a missing asset) still counts.
      const isMockApiAnswer = message.text().startsWith('Failed to load resource') && message.location().url.endsWith('/CustomerReferrals2')
      if (!isMockApiAnswer) consoleErrors.push(message.text())
    })

    // Listen on Storybook's preview channel from the moment the page creates it.
    await page.addInitScript(() => {
      const outcome: StoryOutcome = { finished: null, exceptions: [] }
      window.__storyOutcome = outcome
      let channel: unknown
      Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
        configurable: true,
        get: () => channel,
        set(value: { on(event: string, listener: (payload: never) => void): void }) {
          channel = value
          value.on('storyFinished', (event: StoryOutcome['finished']) => (outcome.finished = event))
          for (const name of ['storyThrewException', 'storyErrored', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying']) {
            value.on(name, (error: unknown) => outcome.exceptions.push(`${name}: ${JSON.stringify(error)}`))
          }
        },
      })
    })

    await page.goto(`/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`)
    // Finished = rendered, play function done, accessibility check done.
    await page.waitForFunction(() => window.__storyOutcome?.finished != null, null, { timeout: 90_000 })
    const outcome = await page.evaluate(() => window.__storyOutcome as StoryOutcome)
    // A long history renders in steps and its table is aria-busy until the last row is in: shoot
    // the complete table, whether or not the story's play function waited for it.
    await page.waitForFunction(
      () => {
        const busyTableIn = (root: ParentNode): boolean =>
          root.querySelector('table[aria-busy="true"]') !== null ||
          Array.from(root.querySelectorAll('*')).some((element) => element.shadowRoot !== null && busyTableIn(element.shadowRoot))
        return !busyTableIn(document)
      },
      null,
      { timeout: 90_000 },
    )
    const parameters = await page.evaluate((id) => {
      const preview = (window as unknown as {
        __STORYBOOK_PREVIEW__?: { storyRenders: { id: string; story?: { parameters?: ScreenshotParameters } }[] }
      }).__STORYBOOK_PREVIEW__
      const found = preview?.storyRenders.find((render) => render.id === id)?.story?.parameters ?? {}
      return { expectedConsoleErrors: found.expectedConsoleErrors, phoneScreenshot: found.phoneScreenshot, fullContentScreenshot: found.fullContentScreenshot }
    }, story.id)
    const expectedConsoleErrors = parameters.expectedConsoleErrors ?? []

    /** A viewport as tall as the story (up to the cap) rather than `fullPage`, which re-lays out a
     * very tall page several times and takes minutes for 5,000 rows. */
    const shoot = async (name: string, width: number, minHeight = 0) => {
      // Let fonts and the last frame settle before the picture.
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => done(undefined)))))
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      await page.setViewportSize({ width, height: Math.min(Math.max(height, minHeight), MAX_SCREENSHOT_HEIGHT) })
      await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' })
    }
    const desktopWidth = page.viewportSize()?.width ?? 1024

    // The default box, as a shop shows it.
    await shoot(story.id, desktopWidth)
    // Beside it, the whole content when the history scrolls inside the box, so every row can be
    // reviewed (`--bh-rh-block-size: auto` inherits into shadow roots like any theme property).
    const full = async (name: string, width: number) => {
      if (parameters.fullContentScreenshot === false || !(await page.evaluate(historyScrollsInBox))) return
      await page.evaluate(() => document.documentElement.style.setProperty('--bh-rh-block-size', 'auto'))
      await shoot(name, width)
      await page.evaluate(() => document.documentElement.style.removeProperty('--bh-rh-block-size'))
    }
    await full(`${story.id}.full`, desktopWidth)
    if (parameters.phoneScreenshot) {
      // A phone window: the widget's container queries pick its narrow layout.
      await page.setViewportSize(PHONE)
      await shoot(`${story.id}.phone`, PHONE.width, PHONE.height)
      await full(`${story.id}.phone.full`, PHONE.width)
    }

    const errorDisplayShown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))
    if (errorDisplayShown) problems.push(`Storybook error display: ${await page.locator('#error-message').innerText()}`)
    problems.push(...outcome.exceptions)
    if (outcome.finished?.status !== 'success') {
      const failed = (outcome.finished?.reporters ?? []).filter((report) => report.status === 'failed')
      problems.push(`story finished with status ${outcome.finished?.status}: ${JSON.stringify(failed).slice(0, 2000)}`)
    }
    const unexpected = consoleErrors.filter((text) => !expectedConsoleErrors.includes(text))
    problems.push(...unexpected.map((text) => `console error: ${text}`))

    expect(problems).toEqual([])
  })
}
