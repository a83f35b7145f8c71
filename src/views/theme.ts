/**
 * The widget's colour scheme:
 * - `'light'`: the light palette, whatever the shopper's system says.
 * - `'dark'`: the dark palette.
 * - `'auto'`: follows the shopper's `prefers-color-scheme`.
 *
 * Colours set through the `--bh-rh-color-*` custom properties win over either palette.
 */
export type ReferralHistoryTheme = 'light' | 'dark' | 'auto'

/** Light: most storefronts are light pages, and a dark block on one looks like a mistake. */
export const DEFAULT_THEME: ReferralHistoryTheme = 'light'

const THEMES: readonly string[] = ['light', 'dark', 'auto'] satisfies readonly ReferralHistoryTheme[]

/**
 * Checks a theme that arrives untyped (the embed's `theme` attribute, a plain-JS prop). An unknown
 * value falls back to the default and is reported in `warnings` with the fix.
 */
export function resolveTheme(value: unknown, warnings?: string[]): ReferralHistoryTheme {
  if (value === undefined || value === null || value === '') return DEFAULT_THEME
  const theme = typeof value === 'string' ? value.trim().toLowerCase() : value
  if (typeof theme === 'string' && THEMES.includes(theme)) return theme as ReferralHistoryTheme
  warnings?.push(`[referral-history] "theme" must be "light", "dark" or "auto"; using "${DEFAULT_THEME}".`)
  return DEFAULT_THEME
}
