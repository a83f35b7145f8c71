import { en } from './en'
import type { Message, MessageKey, Messages } from './messages'

const PLURAL_FORMS: ReadonlySet<string> = new Set(['zero', 'one', 'two', 'few', 'many', 'other'])

/** A message is a string, or a plural object whose forms are all strings and include `other`. */
export function isMessage(value: unknown): value is Message {
  if (typeof value === 'string') return true
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const entries = Object.entries(value)
  return (
    entries.length > 0 &&
    typeof (value as { other?: unknown }).other === 'string' &&
    entries.every(([form, text]) => PLURAL_FORMS.has(form) && typeof text === 'string')
  )
}

/**
 * Merges integrator overrides over a complete catalogue (English by default).
 *
 * Overrides arrive as untyped JSON from the script-tag embed, so each one is checked: an unknown
 * key or a malformed message is skipped with a warning that names it, and the base wording stays.
 * The result is always complete, so a view can never meet a missing message.
 */
export function mergeMessages(overrides: unknown, base: Messages = en): Messages {
  if (overrides === undefined || overrides === null) return base
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    warn('messages must be an object of { key: message }; using the default wording')
    return base
  }
  const merged: Messages = { ...base }
  for (const [key, value] of Object.entries(overrides)) {
    if (!isMessageKey(key, base)) {
      warn(`unknown message key "${key}" ignored`)
    } else if (!isMessage(value)) {
      warn(`message "${key}" ignored: expected a string or a plural object such as { "one": "…", "other": "…" }`)
    } else {
      merged[key] = value
    }
  }
  return merged
}

function isMessageKey(key: string, base: Messages): key is MessageKey {
  return Object.hasOwn(base, key)
}

function warn(problem: string): void {
  console.warn(`[referral-history] ${problem}`)
}
