import { mkdirSync, rmSync } from 'node:fs'
import { readBuiltStories, SCREENSHOT_DIR } from './storybookIndex.ts'

/** Fails early without a built Storybook, and clears last run's pictures so none is stale. */
export default function prepareScreenshotRun(): void {
  if (readBuiltStories().length === 0) throw new Error('The built Storybook has no stories.')
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true })
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
}
