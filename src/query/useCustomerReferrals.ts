import { hashKey, useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { CustomerReferrals } from '../api/types'
import {
  customerReferralsQueryOptions,
  QUERY_KEY_ROOT,
  type CustomerReferralsQueryInput,
} from './customerReferralsQueryOptions'
import { customerTokenQueryOptions, holdTokenSource } from './customerTokens'
import { abortIfAbandoned } from './requestsInFlight'
import { rememberClient } from './resetReferralHistory'
import { getSharedQueryClient } from './sharedQueryClient'

export interface UseCustomerReferralsOptions extends CustomerReferralsQueryInput {
  /** Set false to hold the request (e.g. while the configuration is incomplete). Default true. */
  enabled?: boolean
}

/**
 * The react-query hook behind the widget. It uses the widget's page-wide QueryClient unless one is
 * passed, so it works without a QueryClientProvider and never touches the host app's cache.
 *
 * With a `token` it loads that customer's history. With only `getToken` it first asks the token
 * source which customer is signed in (one token query per source, shared by its widgets and
 * dropped when the last one goes), then loads that customer's history: the cache is always keyed
 * by the customer in the token, never by where the token came from. The result is the history
 * query's; while the token source is being asked it reads as that step (pending, or its error).
 */
export function useCustomerReferrals(
  options: UseCustomerReferralsOptions,
  queryClient?: QueryClient,
): UseQueryResult<CustomerReferrals, Error> {
  const client = queryClient ?? getSharedQueryClient()
  const { enabled = true, ...input } = options
  const askSource = input.token === undefined && input.getToken !== undefined
  // A widget without a named token source has a source of its own: never shared by accident with
  // another widget's `getToken` (another customer's, on a support or multi-shop page). Not
  // `useId`: Preact counts ids from zero in every root, and every embed widget is a root.
  const ownSource = useRef('')
  ownSource.current ||= `instance:${++widgetInstances}`
  const tokenOptions = customerTokenQueryOptions(
    {
      getToken: input.getToken ?? noToken,
      tokenSourceKey: input.tokenSourceKey ?? ownSource.current,
      retryPolicy: input.retryPolicy,
      queryKeyRoot: QUERY_KEY_ROOT,
    },
    client,
  )
  const tokenEnabled = enabled && askSource
  const tokenQuery = useQuery({ ...tokenOptions, enabled: tokenEnabled }, client)

  const token = input.token ?? (askSource ? tokenQuery.data : undefined)
  const historyOptions = customerReferralsQueryOptions({ ...input, token }, client)
  const historyEnabled = enabled && token !== undefined
  const history = useQuery({ ...historyOptions, enabled: historyEnabled }, client)

  const tokenKeyHash = hashKey(tokenOptions.queryKey)
  const historyKeyHash = hashKey(historyOptions.queryKey)

  // Start the requests before the first paint. react-query starts a fetch when the observer
  // subscribes, which Preact (the embed's renderer) does in an effect after the paint: a frame
  // later. Deduplicated with that fetch (one fetch per query at a time), and a no-op when the
  // cache is fresh. Never onto a failed query: a widget mounting beside a rate-limited or failed
  // one shows that state and waits for its retry or its Retry button (`retryOnMount: false`).
  useBeforePaintEffect(() => {
    const failed = (queryKey: readonly unknown[]) => client.getQueryState(queryKey)?.status === 'error'
    if (tokenEnabled) {
      if (!failed(tokenOptions.queryKey)) void client.prefetchQuery(tokenOptions)
    } else if (historyEnabled && !failed(historyOptions.queryKey)) {
      void client.prefetchQuery(historyOptions)
    }
    // Identified by the key hashes; new option objects with the same keys are the same queries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, tokenEnabled, historyEnabled, tokenKeyHash, historyKeyHash])

  // The token source's answer is kept only while one of its widgets is on the page.
  useBeforePaintEffect(() => {
    if (!askSource) return
    return holdTokenSource(client, tokenOptions.queryKey)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, askSource, tokenKeyHash])

  // A widget that goes away for good aborts its request; one that comes straight back (StrictMode,
  // a remount, another widget for the same customer) keeps sharing it. Checked a tick later.
  useEffect(() => {
    const keys = [tokenOptions.queryKey, historyOptions.queryKey]
    return () => {
      setTimeout(() => {
        for (const queryKey of keys) abortIfAbandoned(client, queryKey)
      }, 0)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, tokenKeyHash, historyKeyHash])

  // Without a QueryClientProvider nothing connects the client to react-query's online and focus
  // managers: a load paused while offline would never resume, and a failed one would not reload
  // when the connection returns. Ref-counted by react-query, so many widgets (and a host's own
  // provider around a passed-in client) share one subscription.
  useEffect(() => {
    rememberClient(client)
    client.mount()
    return () => client.unmount()
  }, [client])

  if (!askSource || tokenQuery.status === 'success') return history
  return whileAskingTheSource(history, tokenQuery)
}

const noToken = (): string => ''

let widgetInstances = 0

/** A layout effect in the browser; on the server (where nothing fetches) a plain one, which React
 * 18 does not warn about. */
const useBeforePaintEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * The history result as the token step stands: pending while the source is asked, or failed with
 * its error (an `invalid_token` from the source is the sign-in-again state); Retry asks it again.
 */
function whileAskingTheSource(
  history: UseQueryResult<CustomerReferrals, Error>,
  tokenQuery: UseQueryResult<string, Error>,
): UseQueryResult<CustomerReferrals, Error> {
  const failed = tokenQuery.status === 'error'
  return {
    ...history,
    status: failed ? 'error' : 'pending',
    fetchStatus: tokenQuery.fetchStatus,
    isPending: !failed,
    isError: failed,
    isLoading: !failed && tokenQuery.fetchStatus === 'fetching',
    isFetching: tokenQuery.fetchStatus === 'fetching',
    isPaused: tokenQuery.fetchStatus === 'paused',
    error: tokenQuery.error,
    errorUpdatedAt: tokenQuery.errorUpdatedAt,
    failureCount: tokenQuery.failureCount,
    failureReason: tokenQuery.failureReason,
    refetch: async (refetchOptions) => {
      await tokenQuery.refetch(refetchOptions)
      return history
    },
  } as UseQueryResult<CustomerReferrals, Error>
}
