const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:'])

/**
 * The URL, normalised, when it is an absolute `http:` or `https:` URL; otherwise `null`.
 * Use for URLs from the API: anything else (`javascript:`, `data:`, relative paths) is never a link.
 */
export function safeLink(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

// Only used to resolve relative references; never fetched or shown.
const PROBE_BASE = 'https://relative.invalid/'

/**
 * Like `safeLink` but also accepts a relative reference such as `/pages/refer`, for URLs the
 * integrator configures. The check resolves against a placeholder base: a relative reference
 * inherits `https:`, while `javascript:…` keeps its own scheme and is refused (the URL parser also
 * strips the tabs and newlines that hide a scheme from naive string checks).
 */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null
  const trimmed = value.trim()
  if (!trimmed) return null
  try {
    const url = new URL(trimmed, PROBE_BASE)
    if (!SAFE_PROTOCOLS.has(url.protocol)) return null
    return url.origin === new URL(PROBE_BASE).origin ? trimmed : url.href
  } catch {
    return null
  }
}
