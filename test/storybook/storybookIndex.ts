import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const STORYBOOK_STATIC_DIR = resolve(import.meta.dirname, '../../storybook-static')
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/storybook-screenshots')

export interface IndexedStory {
  id: string
  title: string
  name: string
}

/** The stories of the built Storybook, from its `index.json` (docs entries left out). */
export function readBuiltStories(): IndexedStory[] {
  const indexFile = resolve(STORYBOOK_STATIC_DIR, 'index.json')
  if (!existsSync(indexFile)) {
    throw new Error(`${indexFile} is missing: run \`npm run build-storybook\` before \`npm run storybook:screenshots\`.`)
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as {
    entries: Record<string, { type: string; id: string; title: string; name: string }>
  }
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map(({ id, title, name }) => ({ id, title, name }))
}
