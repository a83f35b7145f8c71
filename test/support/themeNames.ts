/** The theme stylesheets of the theme tests (test/support/themeStylesheets.ts); browser-safe. */
export const THEME_NAMES = ['bootstrap', 'tailwind-preflight', 'normalize', 'dawn-like'] as const
export type ThemeName = (typeof THEME_NAMES)[number]

export function isThemeName(name: string): name is ThemeName {
  return (THEME_NAMES as readonly string[]).includes(name)
}
