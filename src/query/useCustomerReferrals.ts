import { hashKey, useQuery, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import {
  abortIfAbandoned,
  customerReferralsQueryOptions,
  type CustomerReferralsQueryInput,
} from './customerReferralsQueryOptions'
import { getSharedQueryClient } from './sharedQueryClient'

export interface UseCustomerReferralsOptions extends CustomerReferralsQueryInput {
  /** Set false to hold the request (e.g. while the configuration is incomplete). Default true. */
  enabled?: boolean
}

/**
 * The react-query hook behind the widget. It uses the widget's page-wide QueryClient unless one is
 * passed, so it works without a QueryClientProvider and never touches the host app's cache.
 */
export function useCustomerReferrals(options: UseCustomerReferralsOptions, queryClient?: QueryClient) {
  const client = queryClient ?? getSharedQueryClient()
  const { enabled = true, ...input } = options
  const queryOptions = customerReferralsQueryOptions(input, client)
  const { queryKey } = queryOptions
  const keyHash = hashKey(queryKey)

  // A widget that goes away for good aborts its request; one that comes straight back (StrictMode,
  // a remount, another widget for the same customer) keeps sharing it. Checked a tick later.
  useEffect(() => {
    return () => {
      setTimeout(() => abortIfAbandoned(client, queryKey), 0)
    }
    // queryKey is identified by its hash; a new array with the same hash is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, keyHash])

  // Without a QueryClientProvider nothing connects the client to react-query's online and focus
  // managers: a load paused while offline would never resume, and a failed one would not reload
  // when the connection returns. Ref-counted by react-query, so many widgets (and a host's own
  // provider around a passed-in client) share one subscription.
  useEffect(() => {
    client.mount()
    return () => client.unmount()
  }, [client])

  return useQuery({ ...queryOptions, enabled }, client)
}
