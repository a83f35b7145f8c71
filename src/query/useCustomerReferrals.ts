import { useQuery, type QueryClient } from '@tanstack/react-query'
import { customerReferralsQueryOptions, type CustomerReferralsQueryInput } from './customerReferralsQueryOptions'
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
  return useQuery({ ...customerReferralsQueryOptions(input, client), enabled }, client)
}
