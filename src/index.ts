'use client'
/**
 * bubblehouse-referral-history: the npm entry. No side effects at import (no custom element, no
 * globals); the script-tag embed has its own entry.
 */
export { ReferralHistory, type ReferralHistoryProps } from './views/ReferralHistory'
export type { StyleIsolation } from './views/ShadowHost'
export { VERSION } from './version'
export {
  fetchCustomerReferrals,
  customerReferralsUrl,
  DEFAULT_API_BASE_URL,
  DEFAULT_API_VERSION,
  type FetchCustomerReferralsOptions,
  type SendRequest,
} from './api/fetchCustomerReferrals'
export { BubblehouseApiError, CLIENT_ERROR_CODES, API_ERROR_CODES } from './api/BubblehouseApiError'
export { parseCustomerReferrals } from './api/schema'
export { useCustomerReferrals, type UseCustomerReferralsOptions } from './query/useCustomerReferrals'
export { resetReferralHistory } from './views/resetReferralHistory'
export {
  customerReferralsQueryOptions,
  customerReferralsQueryKey,
  type CustomerReferralsQueryInput,
  type GetToken,
} from './query/customerReferralsQueryOptions'
export type { RetryPolicy } from './query/retryPolicy'
export type { ViewStateType } from './views/getViewState'
export type {
  Referral,
  ReferralStatus,
  ReferralChannel,
  ReferralCoupon,
  ReferralTotals,
  CustomerReferrals,
  MonetaryString,
} from './api/types'
export { KNOWN_REFERRAL_STATUSES, KNOWN_REFERRAL_CHANNELS } from './api/types'
export type { ReferralHistoryTheme } from './views/theme'
export type { MessageOverrides, Messages } from './i18n/messages'
export { preloadCatalogue, CATALOGUE_LOCALES } from './i18n/catalogues'
