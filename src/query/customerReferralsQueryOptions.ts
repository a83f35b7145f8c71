import {
  hashKey,
  queryOptions,
  type DataTag,
  type QueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query'
import { API_ERROR_CODES, BubblehouseApiError, CLIENT_ERROR_CODES, isBubblehouseApiError } from '../api/BubblehouseApiError'
import { DEFAULT_API_BASE_URL, DEFAULT_API_VERSION, fetchCustomerReferrals } from '../api/fetchCustomerReferrals'
import type { CustomerReferrals } from '../api/types'
import { prepareHistory } from '../model/prepareHistory'
import { customerIdentityOfToken } from './customerIdentity'
import { DEFAULT_RETRY_POLICY, retryDelay, shouldRetry, type RetryPolicy } from './retryPolicy'

/**
 * Returns a customer token, e.g. by asking the merchant's server. It receives the request's abort
 * signal (the widget went away). Throwing a `BubblehouseApiError` with code `invalid_token`
 * means "the shopper is signed out" and shows the sign-in-again state; any other failure is
 * treated as a passing outage (retried, then the Error state).
 */
export type GetToken = (options?: { signal?: AbortSignal }) => Promise<string> | string

export interface CustomerReferralsQueryInput {
  shop: string
  token?: string | undefined
  getToken?: GetToken | undefined
  /**
   * Names where `getToken` gets its tokens (the embed passes `token-url:<url>`), so widgets that
   * share a token source share a cache entry before any token is known. Without it each widget
   * that has only `getToken` keys its cache by its own instance id.
   */
  tokenSourceKey?: string | undefined
  apiBaseUrl?: string | undefined
  apiVersion?: string | undefined
  deanonymize?: boolean | undefined
  retryPolicy?: Partial<RetryPolicy> | undefined
}

export const QUERY_KEY_ROOT = 'bubblehouse-referral-history'

/** Key by shop and customer, never by the raw token. */
export function customerReferralsQueryKey(input: CustomerReferralsQueryInput) {
  const identity = input.token ? customerIdentityOfToken(input.token) : `source:${input.tokenSourceKey ?? 'none'}`
  return [
    QUERY_KEY_ROOT,
    'CustomerReferrals2',
    {
      apiBaseUrl: input.apiBaseUrl ?? DEFAULT_API_BASE_URL,
      apiVersion: input.apiVersion ?? DEFAULT_API_VERSION,
      shop: input.shop,
      customer: identity,
      deanonymize: input.deanonymize === true,
    },
  ] as const
}

/**
 * Tokens obtained through `getToken` after the one the integrator passed, per cache entry and per
 * QueryClient. They live in memory only (never storage), so the next refetch uses the fresh
 * token instead of the expired prop.
 */
const freshTokens = new WeakMap<QueryClient, Map<string, string>>()

function tokenStore(client: QueryClient | undefined): Map<string, string> {
  if (!client) return new Map()
  let store = freshTokens.get(client)
  if (!store) freshTokens.set(client, (store = new Map()))
  return store
}

/**
 * The request in flight per cache entry. The query function deliberately does not use
 * react-query's own `signal`: consuming it makes react-query abort the request the moment the
 * last observer unmounts, and React StrictMode (and a quick remount) unmounts every widget once,
 * which would cost a second request. Instead `abortIfAbandoned` aborts only when, a tick later,
 * nobody is watching any more.
 */
const inFlightRequests = new WeakMap<QueryClient, Map<string, AbortController>>()

function inFlight(client: QueryClient): Map<string, AbortController> {
  let requests = inFlightRequests.get(client)
  if (!requests) inFlightRequests.set(client, (requests = new Map()))
  return requests
}

/** Cancels the query and aborts its HTTP request if no widget observes it any more. */
export function abortIfAbandoned(client: QueryClient, queryKey: QueryKey): void {
  const query = client.getQueryCache().find({ queryKey, exact: true })
  if (!query || query.getObserversCount() > 0 || query.state.fetchStatus !== 'fetching') return
  void client.cancelQueries({ queryKey, exact: true })
  inFlight(client).get(hashKey(queryKey))?.abort()
}

async function obtainToken(getToken: GetToken, signal: AbortSignal): Promise<string> {
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
  if (typeof token !== 'string' || token.trim() === '') {
    throw new BubblehouseApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.tokenUnavailable,
      message: '[referral-history] getToken() returned no token: it must resolve to the customer JWT string.',
    })
  }
  return token
}

export type CustomerReferralsQueryKey = ReturnType<typeof customerReferralsQueryKey>

/** Spelled out (not inferred) so the published `.d.ts` names only `@tanstack/react-query`, the
 * peer we declare, and not its internal `query-core` package. */
export type CustomerReferralsQueryOptions = UseQueryOptions<
  CustomerReferrals,
  Error,
  CustomerReferrals,
  CustomerReferralsQueryKey
> & { queryKey: DataTag<CustomerReferralsQueryKey, CustomerReferrals, Error> }

/**
 * The one place that knows how to load a customer's referral history: key, query function and
 * retry rules. The hook, the root component, tests and stories all build on it.
 */
export function customerReferralsQueryOptions(
  input: CustomerReferralsQueryInput,
  client?: QueryClient,
): CustomerReferralsQueryOptions {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...input.retryPolicy }
  const queryKey = customerReferralsQueryKey(input)
  const storeKey = hashKey(queryKey)

  return queryOptions({
    queryKey,
    // The data as the query function returned it: the view finds the history prepared in slices
    // below by its rows array, and a structurally shared copy of a changed history would miss it
    // (then sorting and grouping run at once, in the render).
    structuralSharing: false,
    queryFn: async (context): Promise<CustomerReferrals> => {
      const controller = new AbortController()
      const requests = client ? inFlight(client) : undefined
      requests?.set(storeKey, controller)
      // Without a client to watch observers, fall back to react-query's own cancellation.
      const signal = client ? controller.signal : context.signal
      try {
        const data = await load(signal)
        // Sorting and grouping thousands of rows in one go was a long task in the first render;
        // here it runs in slices while the page stays responsive, and the view reuses it.
        await prepareHistory(data, { signal })
        return data
      } finally {
        if (requests?.get(storeKey) === controller) requests.delete(storeKey)
      }
    },
    retry: (failureCount, error) => shouldRetry(policy, failureCount, error),
    retryDelay: (failureCount, error) => retryDelay(policy, failureCount, error),
    // Errors go to the view states, never to an error boundary of the host app.
    throwOnError: false,
  })

  async function load(signal: AbortSignal): Promise<CustomerReferrals> {
    const store = tokenStore(client)
    const call = (token: string) =>
      fetchCustomerReferrals({
        shop: input.shop,
        token,
        apiBaseUrl: input.apiBaseUrl,
        apiVersion: input.apiVersion,
        deanonymize: input.deanonymize,
        signal,
      })

    let token = store.get(storeKey) ?? input.token
    if (!token) {
      if (!input.getToken) {
        throw new BubblehouseApiError({
          status: 0,
          code: CLIENT_ERROR_CODES.tokenUnavailable,
          message: '[referral-history] No customer token: pass `token` or `getToken`.',
        })
      }
      token = await obtainToken(input.getToken, signal)
      store.set(storeKey, token)
    }

    try {
      return await call(token)
    } catch (error) {
      // One fresh token after an invalid_token answer, then give up: at most two API requests
      // per load, and invalid_token is never retried by react-query, so there is no loop.
      const expired = isBubblehouseApiError(error) && error.code === API_ERROR_CODES.invalidToken
      if (!expired || !input.getToken) {
        if (expired) store.delete(storeKey)
        throw error
      }
      const fresh = await obtainToken(input.getToken, signal)
      store.set(storeKey, fresh)
      try {
        return await call(fresh)
      } catch (secondError) {
        if (isBubblehouseApiError(secondError) && secondError.code === API_ERROR_CODES.invalidToken) {
          store.delete(storeKey)
        }
        throw secondError
      }
    }
  }
}
