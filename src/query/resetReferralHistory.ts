import type { QueryClient } from '@tanstack/react-query'
import { QUERY_KEY_ROOT } from './customerReferralsQueryOptions'
import { forgetFreshTokens } from './customerTokens'
import { forgetRateLimitStreaks } from './rateLimitStreaks'
import { abortAllRequests } from './requestsInFlight'
import { getSharedQueryClient } from './sharedQueryClient'

/** Every QueryClient a widget has used on this page (the widget's own, and any passed in). */
const clients = new Set<QueryClient>()

/** Called by the hook for the client it uses, so that a reset reaches its cache too. */
export function rememberClient(client: QueryClient): void {
  clients.add(client)
}

let generation = 0
const listeners = new Set<() => void>()

/**
 * Forgets every customer token and cached referral history on the page, of every customer, and
 * makes every widget on screen start over (it asks its token source again). The query layer's
 * part of the public `resetReferralHistory()` (src/views/resetReferralHistory.ts).
 */
export function resetCustomerQueries(): void {
  if (typeof window !== 'undefined') clients.add(getSharedQueryClient())
  for (const client of clients) {
    abortAllRequests(client)
    forgetFreshTokens(client)
    forgetRateLimitStreaks(client)
    // Removed, not reset: a reset query keeps its key, and a widget still showing it would refetch
    // it with the old customer's token before it starts over.
    client.removeQueries({ queryKey: [QUERY_KEY_ROOT] })
  }
  generation++
  for (const listener of [...listeners]) listener()
}

/** For `useSyncExternalStore`: widgets key their content by the reset generation. */
export function subscribeToReset(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const getResetGeneration = (): number => generation
