/// <reference types="vitest/config" />
import { defineConfig, type UserConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { chromiumExecutable, CHROMIUM_FLAGS } from './test/support/chromium.ts'
import { devServerPlugin } from './src/demo/devServerPlugin.ts'

// One config for the demo (dev server), the library builds and every Vitest project.
// `vite build --mode lib` builds the npm package, `vite build --mode embed` the script-tag embed.
export default defineConfig(({ mode }) => {
  if (mode === 'lib') return libBuild()
  if (mode === 'embed') return embedBuild()
  return devAndTest()
})

/** npm package: ESM, React and react-query external. */
function libBuild(): UserConfig {
  return { plugins: [react()], publicDir: false }
}

/** Script-tag embed: loader + main chunk, everything bundled. */
function embedBuild(): UserConfig {
  return { plugins: [react()], publicDir: false }
}

function devAndTest(): UserConfig {
  return {
  plugins: [react(), devServerPlugin()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          setupFiles: ['./test/support/setup-unit.ts'],
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.ssr.test.{ts,tsx}', 'test/e2e/**'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'ssr',
          environment: 'node',
          include: ['test/**/*.ssr.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          globals: true,
          include: ['test/**/*.browser.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
}
}
