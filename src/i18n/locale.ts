/** The locale used when the one asked for is missing or not a valid BCP 47 tag. */
export const FALLBACK_LOCALE = 'en'

/**
 * Returns a canonical BCP 47 tag for `candidate`, or the fallback. Every `Intl` constructor throws
 * a RangeError on a malformed tag, and the tag comes from a prop or an HTML attribute, so it is
 * checked once here rather than trusted at every formatter.
 */
export function resolveLocale(candidate: string | null | undefined): string {
  if (!candidate) return FALLBACK_LOCALE
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? FALLBACK_LOCALE
  } catch {
    return FALLBACK_LOCALE
  }
}
