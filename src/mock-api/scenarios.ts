/**
 * Scenario customers of the mock Bubblehouse API. The customer ID in the token's `sub`
 * (`demo-shop/<scenario id>`) picks the behaviour, so the token decides what the mock answers,
 * exactly as with the real API. Any other customer ID is a real-looking customer with no referrals.
 */
export const SCENARIOS = [
  { id: 'typical', description: 'A realistic history: every status and channel, a shared link used by three friends, points, money and coupon rewards, server totals.' },
  { id: 'empty', description: 'A customer who has not referred anyone yet.' },
  { id: 'many', description: '5,000 referrals (deterministic), no server totals: the widget derives them.' },
  { id: 'rate-limited', description: 'Every request answers 429 rate_limit_exceeded (no Retry-After).' },
  { id: 'rate-limited-once', description: 'The first request answers 429 rate_limit_exceeded, later ones the typical history.' },
  { id: 'slow', description: 'The typical history after a long delay (10 s unless configured).' },
  { id: 'server-error', description: 'Every request answers 500 internal_error.' },
  { id: 'flaky', description: 'The first request answers 503, later ones the typical history.' },
  { id: 'malformed', description: 'A 200 answer that is not a referrals list: referrals is an object keyed by row number (a serializer bug).' },
  { id: 'malformed-rows', description: 'A 200 answer with three rows the widget cannot read among good ones (a number for sent_at, 1.5 points, a float amount), and guessed fields in other shapes (a coupon string, a coupon without text, points as a numeric string).' },
  { id: 'html-error', description: 'A 502 HTML page from a proxy instead of the JSON error body.' },
  { id: 'leaky-emails', description: 'A broken server that sends friends\u2019 full e-mail addresses unmasked.' },
  { id: 'unknown-values', description: 'Rows with statuses and channels the widget does not know (on_hold, carrier-pigeon).' },
  { id: 'rate-limited-after-first', description: 'The first request answers the typical history, later ones 429 rate_limit_exceeded (a refresh that hits the limit).' },
  { id: 'two-friends', description: 'A short history: one friend who joined and earned points, one invitation still open.' },
  { id: 'long-values', description: 'Very long (already masked) friend addresses, coupon codes and coupon titles, for narrow layouts.' },
] as const satisfies readonly { id: string; description: string }[]

/** The ID of a scenario customer. */
export type ScenarioId = (typeof SCENARIOS)[number]['id']

const SCENARIO_IDS: ReadonlySet<string> = new Set(SCENARIOS.map((scenario) => scenario.id))

/** Whether a customer ID names a scenario (otherwise it is an ordinary customer with no history). */
export function isScenarioId(customerId: string): customerId is ScenarioId {
  return SCENARIO_IDS.has(customerId)
}
