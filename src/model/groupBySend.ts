import type { Referral } from '../api/types'
import { sortReferralsSteps } from './sortReferrals'
import { ROWS_PER_PAUSE, runToEnd, type Steps } from '../scheduling/steps'

/** A row with the React key it keeps across renders. */
export interface KeyedReferral {
  key: string
  referral: Referral
}

/** Rows that came from one send (one `referral_bhid`), e.g. a shared link several friends used. */
export interface SendGroup {
  referral_bhid: string
  /** Newest first. Never empty. */
  rows: KeyedReferral[]
}

/**
 * Groups rows by send. Groups are ordered by their newest row and rows inside a group newest
 * first (both via `sortReferrals`). Every input row appears in exactly one group: nothing is
 * dropped or merged, even rows that look like duplicates.
 *
 * Keys: `acceptance_bhid` when there is one, else `referral_bhid#<index within the send>`. The
 * API's ids are not promised unique, so any repeat gets a `~2`, `~3`… suffix: React needs unique
 * keys, and a duplicate key would make React drop or reuse a row.
 */
export function groupBySend(referrals: readonly Referral[]): SendGroup[] {
  return runToEnd(groupBySendSteps(referrals))
}

/** {@link groupBySend} in steps (see `steps.ts`), so a long history can be grouped between paints. */
export function* groupBySendSteps(referrals: readonly Referral[]): Steps<SendGroup[]> {
  const sorted = yield* sortReferralsSteps(referrals)
  const groups = new Map<string, SendGroup>()
  const usedKeys: KeyRegistry = { used: new Set(), nextSuffix: new Map() }
  for (let index = 0; index < sorted.length; index++) {
    if (index % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) yield
    const referral = sorted[index]!
    let group = groups.get(referral.referral_bhid)
    if (group === undefined) {
      group = { referral_bhid: referral.referral_bhid, rows: [] }
      groups.set(referral.referral_bhid, group)
    }
    const baseKey = referral.acceptance_bhid ?? `${referral.referral_bhid}#${group.rows.length}`
    group.rows.push({ key: uniqueKey(baseKey, usedKeys), referral })
  }
  // Map iteration follows insertion order, which is the order of each send's newest row.
  return [...groups.values()]
}

/** Keys already handed out, and per base the next suffix to try: without the counter, n rows
 * sharing one id cost n² lookups (a server repeating an id 15,000 times froze the page for a
 * minute). Same keys as counting up from `~2` each time. */
interface KeyRegistry {
  used: Set<string>
  nextSuffix: Map<string, number>
}

function uniqueKey(base: string, keys: KeyRegistry): string {
  let key = base
  if (keys.used.has(key)) {
    let n = keys.nextSuffix.get(base) ?? 2
    while (keys.used.has(`${base}~${n}`)) n++
    keys.nextSuffix.set(base, n + 1)
    key = `${base}~${n}`
  }
  keys.used.add(key)
  return key
}
