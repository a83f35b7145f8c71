import { DEFAULT_API_ORIGIN, DEFAULT_API_VERSION, shopOrVersionProblem } from '../api/customerReferralsRequest'

export interface ConfigInput {
  shop?: unknown
  token?: unknown
  getToken?: unknown
  currency?: unknown
  locale?: unknown
  apiBaseUrl?: unknown
  apiVersion?: unknown
  /** Where the props come from (see `ReferralHistoryProps.configSource`). Default `'script'`. */
  configSource?: unknown
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
  // Shop and version are segments of the URL the token is sent to: never a path of their own.
  const urlSegmentsProblem = shopOrVersionProblem(shop, input.apiVersion ?? DEFAULT_API_VERSION)
  if (shop === '') {
    problem = '[referral-history] "shop" is required: pass the Bubblehouse shop slug, e.g. shop="my-shop".'
  } else if (urlSegmentsProblem) {
    problem = urlSegmentsProblem
  } else if (!hasText(input.token) && typeof input.getToken !== 'function') {
    problem =
      '[referral-history] No customer token: pass "token" (a customer JWT minted by your server) or "getToken" (attribute token-url on the script-tag embed).'
  } else if (input.apiBaseUrl !== undefined) {
    problem = apiBaseUrlProblem(input.apiBaseUrl, input.configSource === 'attributes')
  }

  const locale = resolveLocale(input.locale, warnings)
  const currency = resolveCurrency(input.currency, warnings)
  return { shop, locale, direction: directionOf(locale), currency, problem, warnings }
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/**
 * The API base receives the customer token, so where it may point is a security boundary.
 * - From markup (`fromMarkup`): only the Bubblehouse API or the page's own origin (a merchant
 *   proxy), plus loopback hosts for development. Markup can be injected without script (a review
 *   field that lets an unknown tag through), and must not be able to send the token elsewhere.
 * - From JavaScript (the npm prop, `mount()`): also any other `https:` origin: the merchant's own
 *   code decides.
 * Plain `http:` is never allowed elsewhere than on the page's own origin or a loopback host. The
 * base is resolved as the request will resolve it (against the document), but compared with the
 * page's own origin, so an injected `<base href>` cannot move a relative base off the page.
 */
function apiBaseUrlProblem(value: unknown, fromMarkup: boolean): string | null {
  const name = fromMarkup ? 'api-base-url' : 'apiBaseUrl'
  let url: URL | null = null
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      url = new URL(value, typeof document === 'undefined' ? 'https://relative.invalid/' : document.baseURI)
    } catch {
      // reported below
    }
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return `[referral-history] "${name}" must be an http(s) URL or a path, e.g. "https://app.bubblehouse.com/api".`
  }
  const pageOrigin = typeof location === 'undefined' ? null : location.origin
  // Without a page (server rendering) a path stays on whatever origin will serve the page.
  const samePage = url.origin === pageOrigin || (pageOrigin === null && url.hostname === 'relative.invalid')
  if (url.origin === DEFAULT_API_ORIGIN || samePage || isLoopback(url.hostname)) return null
  if (fromMarkup) {
    return `[referral-history] "api-base-url" must be on ${DEFAULT_API_ORIGIN} or on this page's origin${pageOrigin ? ` (${pageOrigin})` : ''} (a proxy of your store), not ${url.origin}: the widget sends the customer token there. Another origin can only be set from JavaScript: BubblehouseReferralHistory.mount(element, { apiBaseUrl }).`
  }
  if (url.protocol !== 'https:') {
    return `[referral-history] "apiBaseUrl" must use https: (plain http: only on this page's origin or on localhost for development): the widget sends the customer token there.`
  }
  return null
}

/** `localhost`, `127.0.0.0/8` and `[::1]`: the developer's own machine. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
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
