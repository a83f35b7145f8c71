import { queryOptions, type DataTag, type QueryClient, type UseQueryOptions } from '@tanstack/react-query'
import { API_ERROR_CODES, BubblehouseApiError, CLIENT_ERROR_CODES, isBubblehouseApiError } from '../api/BubblehouseApiError'
import { checkedAnswer, DEFAULT_API_BASE_URL, DEFAULT_API_VERSION, requestCustomerReferrals, type SendRequest } from '../api/fetchCustomerReferrals'
import type { CustomerReferrals } from '../api/types'
import { validateAndPrepareSteps } from '../model/prepareHistory'
import { runInSlices } from '../scheduling/steps'
import { customerIdentityOfToken, isTokenExpired } from './customerIdentity'
import { freshTokenStore, isTokenOf, obtainToken, TOKEN_QUERY_SCOPE, type GetToken } from './customerTokens'
import { recordRateLimitOutcome } from './rateLimitStreaks'
import { runAbortable } from './requestsInFlight'
import { DEFAULT_RETRY_POLICY, retryDelay, shouldRetry, type RetryPolicy } from './retryPolicy'

export type { GetToken } from './customerTokens'

export interface CustomerReferralsQueryInput {
  shop: string
  /** The customer's token: it names the customer (its `sub`), and so the cache entry. Without it the
   * query has no customer yet and must stay disabled (the hook first asks the token source). */
  token?: string | undefined
  /** Asked for a fresh token when `token` has expired or the API refused it (once per load). */
  getToken?: GetToken | undefined
  /**
   * Names where `getToken` gets its tokens (the embed passes `token-url:<url>`), so widgets that
   * share a token source share one token request. Never part of the history's cache key: that is
   * the customer in the token.
   */
  tokenSourceKey?: string | undefined
  apiBaseUrl?: string | undefined
  apiVersion?: string | undefined
  deanonymize?: boolean | undefined
  retryPolicy?: Partial<RetryPolicy> | undefined
  /** Sends the API request (default: the page's `fetch`); see `fetchCustomerReferrals`. */
  fetch?: SendRequest | undefined
}

export const QUERY_KEY_ROOT = 'bubblehouse-referral-history'

/** Rate limits further apart than this (twice the longest automatic wait) belong to separate runs. */
const rateLimitRunGap = (policy: RetryPolicy): number => 2 * policy.rateLimitMaxCooldownMs

/** Stands in for the customer while no token is known; such a query is never fetched. */
const NO_CUSTOMER_YET = 'none'

/** Key by shop and customer (the token's `sub`), never by the raw token or where it came from. */
export function customerReferralsQueryKey(input: CustomerReferralsQueryInput) {
  return [
    QUERY_KEY_ROOT,
    'CustomerReferrals2',
    {
      apiBaseUrl: input.apiBaseUrl ?? DEFAULT_API_BASE_URL,
      apiVersion: input.apiVersion ?? DEFAULT_API_VERSION,
      shop: input.shop,
      customer: input.token ? customerIdentityOfToken(input.token) : NO_CUSTOMER_YET,
      deanonymize: input.deanonymize === true,
    },
  ] as const
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
  const customer = queryKey[2].customer

  return queryOptions({
    queryKey,
    // The data is a PreparedHistory: the answer checked, sorted, grouped and counted in one pass
    // of slices (`validateAndPrepareSteps`), so the first render has only its own rows to format.
    // Typed as the CustomerReferrals it also is: the public options name only the API's shape.
    queryFn: (context) =>
      runAbortable(client, queryKey, () => context.signal, async (signal): Promise<CustomerReferrals> => {
        let answer: { status: number; body: unknown }
        try {
          answer = await load(signal)
        } catch (error) {
          if (!signal.aborted) recordRateLimitOutcome(client, queryKey, customer, error, rateLimitRunGap(policy))
          throw error
        }
        recordRateLimitOutcome(client, queryKey, customer, null, rateLimitRunGap(policy))
        return checkedAnswer(answer.status, await runInSlices(validateAndPrepareSteps(answer.body), { signal }))
      }),
    retry: (failureCount, error) => shouldRetry(policy, failureCount, error),
    retryDelay: (failureCount, error) => retryDelay(policy, failureCount, error),
    // A failed load is not sent again just because a widget subscribes to it: the layout-effect
    // prefetch (useCustomerReferrals, or the loader's early answer) can fail before Preact
    // subscribes a frame later. A widget showing the failure offers Retry (and a rate limit
    // retries by itself).
    retryOnMount: false,
    // Errors go to the view states, never to an error boundary of the host app.
    throwOnError: false,
  })

  /** The answer's JSON, with a fresh token once if the API refuses the one there is. */
  async function load(signal: AbortSignal): Promise<{ status: number; body: unknown }> {
    const store = freshTokenStore(client)
    const call = (token: string) =>
      requestCustomerReferrals({
        shop: input.shop,
        token,
        apiBaseUrl: input.apiBaseUrl,
        apiVersion: input.apiVersion,
        deanonymize: input.deanonymize,
        signal,
        ...(input.fetch && { fetch: input.fetch }),
      })

    if (customer === NO_CUSTOMER_YET) {
      throw new BubblehouseApiError({
        status: 0,
        code: CLIENT_ERROR_CODES.tokenUnavailable,
        message: '[referral-history] No customer token: pass `token` or `getToken`.',
      })
    }

    // The freshest token this customer has had; one past its `exp` is never sent.
    let token = store.get(customer) ?? input.token!
    if (isTokenExpired(token)) {
      store.delete(customer)
      token = await freshToken(signal, 'expired')
    }

    try {
      return await call(token)
    } catch (error) {
      // One fresh token after an invalid_token answer, then give up: at most two API requests
      // per load, and invalid_token is never retried by react-query, so there is no loop.
      if (!isBubblehouseApiError(error) || error.code !== API_ERROR_CODES.invalidToken) throw error
      store.delete(customer)
      if (!input.getToken) throw error
      const fresh = await freshToken(signal, 'refused')
      try {
        return await call(fresh)
      } catch (secondError) {
        if (isBubblehouseApiError(secondError) && secondError.code === API_ERROR_CODES.invalidToken) store.delete(customer)
        throw secondError
      }
    }
  }

  /** A fresh token for this same customer, kept for the next loads. */
  async function freshToken(signal: AbortSignal, why: 'expired' | 'refused'): Promise<string> {
    if (!input.getToken) {
      // Nothing is sent: the API could only refuse it.
      throw new BubblehouseApiError({
        status: 0,
        code: API_ERROR_CODES.invalidToken,
        message: '[referral-history] The customer token has expired and there is no getToken (token-url) to get a fresh one.',
      })
    }
    const fresh = await obtainToken(input.getToken, signal)
    if (!isTokenOf(fresh, customer)) {
      // The source now speaks for someone else: the shopper signed out and another signed in
      // without a page load. Nothing of this customer's is loaded with it; the token query of
      // the source (if the widget has one) takes the new token, so the widget moves to the new
      // customer's own cache entry.
      if (client && input.tokenSourceKey) {
        const tokenKey = [QUERY_KEY_ROOT, TOKEN_QUERY_SCOPE, input.tokenSourceKey]
        if (client.getQueryData(tokenKey) !== undefined) client.setQueryData(tokenKey, fresh)
      }
      throw new BubblehouseApiError({
        status: 0,
        code: API_ERROR_CODES.invalidToken,
        message: `[referral-history] The token source now returns a token for another customer (the ${why} token's customer signed out).`,
      })
    }
    freshTokenStore(client).set(customer, fresh)
    return fresh
  }
}
