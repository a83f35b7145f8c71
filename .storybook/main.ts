import type { StorybookConfig } from '@storybook/react-vite'

/**
 * Storybook for visual review of every state of the widget. The stories are fed by the mock
 * Bubblehouse API through msw's service worker (public/mockServiceWorker.js), so they need no
 * network and build offline.
 */
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // react-docgen-typescript needs TypeScript's JS compiler API, which TypeScript 7 no longer has.
  typescript: { reactDocgen: 'react-docgen' },
}

export default config
