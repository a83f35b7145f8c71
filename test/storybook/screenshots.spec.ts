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
    const expectedConsoleErrors = await page.evaluate((id) => {
      const preview = (window as unknown as {
        __STORYBOOK_PREVIEW__?: { storyRenders: { id: string; story?: { parameters?: { expectedConsoleErrors?: string[] } } }[] }
      }).__STORYBOOK_PREVIEW__
      return preview?.storyRenders.find((render) => render.id === id)?.story?.parameters?.expectedConsoleErrors ?? []
    }, story.id)

    // Let fonts and the last frame settle before the picture.
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    // A viewport as tall as the story (up to the cap) rather than `fullPage`, which re-lays out a
    // very tall page several times and takes minutes for 5,000 rows.
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    const width = page.viewportSize()?.width ?? 1024
    await page.setViewportSize({ width, height: Math.min(height, MAX_SCREENSHOT_HEIGHT) })
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${story.id}.png`), animations: 'disabled' })

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
