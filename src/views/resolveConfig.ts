export interface ConfigInput {
  shop?: unknown
  token?: unknown
  getToken?: unknown
  currency?: unknown
  locale?: unknown
  apiBaseUrl?: unknown
}

export interface ResolvedConfig {
  shop: string
  /** A supported, canonical BCP 47 tag. */
  locale: string
  direction: 'ltr' | 'rtl'
  /** A currency Intl accepts, or undefined (amounts then show as plain numbers). */
  currency: string | undefined
  /** Blocking problem shown on screen; null when the widget can load. */
  problem: string | null
  /** Problems the widget works around (bad locale or currency), for the console. */
  warnings: string[]
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'])

/**
 * Checks props and attributes at runtime: they are `unknown` until proven (the embed passes raw
 * attribute strings; plain-JS callers pass anything). Every message names the widget and the fix.
 */
export function resolveConfig(input: ConfigInput): ResolvedConfig {
  const warnings: string[] = []
  let problem: string | null = null

  const shop = typeof input.shop === 'string' ? input.shop.trim() : ''
  if (shop === '') {
    problem = '[referral-history] "shop" is required: pass the Bubblehouse shop slug, e.g. shop="my-shop".'
  } else if (/[/?#\s]/.test(shop)) {
    problem = `[referral-history] "shop" must be a shop slug like "my-shop", not a URL or path.`
  } else if (!hasText(input.token) && typeof input.getToken !== 'function') {
    problem =
      '[referral-history] No customer token: pass "token" (a customer JWT minted by your server) or "getToken" (attribute token-url on the script-tag embed).'
  } else if (input.apiBaseUrl !== undefined && !isUsableBaseUrl(input.apiBaseUrl)) {
    problem = '[referral-history] "apiBaseUrl" must be an http(s) URL or a path, e.g. "https://app.bubblehouse.com/api".'
  }

  const locale = resolveLocale(input.locale, warnings)
  const currency = resolveCurrency(input.currency, warnings)
  return { shop, locale, direction: directionOf(locale), currency, problem, warnings }
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

function isUsableBaseUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false
  try {
    const url = new URL(value, 'https://relative.invalid/')
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

function defaultLocale(): string {
  if (typeof navigator !== 'undefined' && typeof navigator.language === 'string' && navigator.language) {
    return navigator.language
  }
  return 'en'
}

function resolveLocale(value: unknown, warnings: string[]): string {
  const requested = hasText(value) ? value : defaultLocale()
  try {
    const [canonical] = Intl.getCanonicalLocales(requested)
    if (canonical) return canonical
  } catch {
    // fall through
  }
  warnings.push(`[referral-history] "locale" must be a BCP 47 language tag like "fr-FR"; using "en".`)
  return 'en'
}

function resolveCurrency(value: unknown, warnings: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'string' && /^[A-Za-z]{3}$/.test(value)) {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: value })
      return value.toUpperCase()
    } catch {
      // fall through
    }
  }
  warnings.push('[referral-history] "currency" must be an ISO 4217 code like "EUR"; amounts are shown without a currency.')
  return undefined
}

function directionOf(locale: string): 'ltr' | 'rtl' {
  const language = locale.split('-')[0]?.toLowerCase() ?? ''
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr'
}
