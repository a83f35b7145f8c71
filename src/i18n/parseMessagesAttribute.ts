import type { MessageOverrides } from './messages'

/**
 * Reads the script-tag embed's `messages` attribute: a JSON object of `{ "key": "text" }` or
 * plural objects, e.g. `messages='{"title":"Your rewards"}'`.
 *
 * Returns the parsed object for `mergeMessages` (which checks every key and message and warns
 * about each one it skips), or `null` when the attribute is absent, empty or not a JSON object,
 * in which case the widget keeps its default wording and the console says why.
 */
export function parseMessagesAttribute(json: string | null | undefined): MessageOverrides | null {
  if (json === null || json === undefined || json.trim() === '') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    // The parser's own message quotes the input; the fix is the same whatever the typo.
    console.error(
      `[referral-history] The "messages" attribute is not valid JSON; using the default wording. Write it as a JSON object with double-quoted keys, e.g. messages='{"title":"Your rewards"}'.`,
    )
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    console.error(
      '[referral-history] The "messages" attribute must be a JSON object of { "key": "text" }; using the default wording.',
    )
    return null
  }
  // Unchecked on purpose: mergeMessages validates each entry against the catalogue.
  return parsed as MessageOverrides
}
