import { hashKey, queryOptions, type DataTag, type QueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query'
import { API_ERROR_CODES, BubblehouseApiError, CLIENT_ERROR_CODES, isBubblehouseApiError } from '../api/BubblehouseApiError'
import { customerIdentityOfToken, isTokenExpired } from './customerIdentity'
import { runAbortable } from './requestsInFlight'
import { DEFAULT_RETRY_POLICY, retryDelay, shouldRetry, type RetryPolicy } from './retryPolicy'

/**
 * Returns a customer token, e.g. by asking the merchant's server. It receives the request's abort
 * signal (the widget went away). Throwing a `BubblehouseApiError` with code `invalid_token`
 * means "the shopper is signed out" and shows the sign-in-again state; any other failure is
 * treated as a passing outage (retried, then the Error state).
 */
export type GetToken = (options?: { signal?: AbortSignal }) => Promise<string> | string

/** Asks a token source for a token, and turns whatever goes wrong into a `BubblehouseApiError`. */
export async function obtainToken(getToken: GetToken, signal: AbortSignal): Promise<string> {
  let token: unknown
  try {
    token = await getToken({ signal })
  } catch (error) {
    if (signal.aborted) throw signal.reason ?? error
    if (isBubblehouseApiError(error)) throw error
    throw new BubblehouseApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.tokenUnavailable,
      message: '[referral-history] getToken() failed, so there is no customer token to call the API with.',
      cause: error,
    })
  }
  // A getToken that ignores the signal still answers after an abort (a reset, the widget gone):
  // that token must be neither kept nor sent.
  signal.throwIfAborted()
  if (typeof token !== 'string' || token.trim() === '') {
    throw new BubblehouseApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.tokenUnavailable,
      message: '[referral-history] getToken() returned no token: it must resolve to the customer JWT string.',
    })
  }
  if (isTokenExpired(token)) {
    // Never sent: an expired token can only be refused, and a source that hands out expired
    // tokens (a stale page cache, a clock far off) will not do better when asked again.
    throw new BubblehouseApiError({
      status: 0,
      code: API_ERROR_CODES.invalidToken,
      message: '[referral-history] The token source returned a token that has already expired (its "exp" is past).',
    })
  }
  return token
}

export const TOKEN_QUERY_SCOPE = 'customer-token'

export type CustomerTokenQueryKey = readonly [root: string, scope: typeof TOKEN_QUERY_SCOPE, tokenSourceKey: string]

/** Spelled out (not inferred) so the published `.d.ts` names only `@tanstack/react-query`. */
export type CustomerTokenQueryOptions = UseQueryOptions<string, Error, string, CustomerTokenQueryKey> & {
  queryKey: DataTag<CustomerTokenQueryKey, string, Error>
}

/**
 * The token query of a token source (`getToken` / `token-url`): which customer is signed in, as
 * far as the merchant's server says now. Widgets that share a source share it while any of them
 * is on the page; when the last one goes it is dropped ({@link holdTokenSource}), so the next widget
 * asks the source again. A single-page shop that signed one customer out and another in is then
 * answered for the new customer, never from a token cached for the old one.
 */
export function customerTokenQueryOptions(
  input: { getToken: GetToken; tokenSourceKey: string; retryPolicy?: Partial<RetryPolicy> | undefined; queryKeyRoot: string },
  client?: QueryClient,
): CustomerTokenQueryOptions {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...input.retryPolicy }
  const queryKey: CustomerTokenQueryKey = [input.queryKeyRoot, TOKEN_QUERY_SCOPE, input.tokenSourceKey]
  return queryOptions({
    queryKey,
    queryFn: (context) => runAbortable(client, queryKey, () => context.signal, (signal) => obtainToken(input.getToken, signal)),
    // Asked again only when the widgets start over; an expired token is replaced by the history
    // query itself, which asks the source directly.
    staleTime: Infinity,
    // Dropped by `holdTokenSource` when its last widget goes, not by a timer: with `gcTime: 0` a
    // token fetched before the widget's observer subscribes (Preact subscribes after the paint)
    // was collected in between and asked for again.
    gcTime: Infinity,
    // Not asked again just because a widget subscribes to a failed answer: the layout-effect
    // prefetch (useCustomerReferrals) may have failed before Preact subscribed, a frame later,
    // which would ask a second time. Retry asks again.
    retryOnMount: false,
    retry: (failureCount, error) => shouldRetry(policy, failureCount, error),
    retryDelay: (failureCount, error) => retryDelay(policy, failureCount, error),
    throwOnError: false,
  })
}

/**
 * Tokens obtained after the one a widget started with, per customer (the history's cache key,
 * which names the customer) and per QueryClient: after an `invalid_token` answer or an expiry,
 * the next load uses the fresh token instead of the stale one. Memory only, never storage.
 */
const freshTokens = new WeakMap<QueryClient, Map<string, string>>()

export function freshTokenStore(client: QueryClient | undefined): Map<string, string> {
  if (!client) return new Map()
  let store = freshTokens.get(client)
  if (!store) freshTokens.set(client, (store = new Map()))
  return store
}

/** Forgets every fresh token kept for `client` (a reset). */
export function forgetFreshTokens(client: QueryClient): void {
  freshTokens.delete(client)
}

/** Whether `token` speaks for the customer named `identity` (a history cache key's customer). */
export function isTokenOf(token: string, identity: string): boolean {
  return customerIdentityOfToken(token) === identity
}

/** Widgets on the page per token query (per client), counted from their layout effects. */
const widgetsPerSource = new WeakMap<QueryClient, Map<string, number>>()

/**
 * Counts a widget that uses the token query `queryKey` until the returned function is called.
 * When the last one goes, the token it got is forgotten at once, before any other widget can
 * render with it: the next widget of the source asks again, even one mounted in the same tick (a
 * single-page shop that swaps the account page for the next customer's). A token request still
 * in flight is left to a widget that comes straight back (React StrictMode runs every effect
 * twice) and dropped a tick later if none does.
 */
export function holdTokenSource(client: QueryClient, queryKey: QueryKey): () => void {
  let counts = widgetsPerSource.get(client)
  if (!counts) widgetsPerSource.set(client, (counts = new Map()))
  const hash = hashKey(queryKey)
  counts.set(hash, (counts.get(hash) ?? 0) + 1)
  const forgetIfUnused = () => {
    if ((counts.get(hash) ?? 0) > 0) return
    counts.delete(hash)
    client.removeQueries({ queryKey, exact: true })
  }
  return () => {
    counts.set(hash, (counts.get(hash) ?? 1) - 1)
    const query = client.getQueryCache().find({ queryKey, exact: true })
    if (query?.state.fetchStatus === 'fetching') setTimeout(forgetIfUnused, 0)
    else forgetIfUnused()
  }
}
