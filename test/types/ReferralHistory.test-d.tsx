import type { QueryClient, UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { assertType, describe, expectTypeOf, it } from 'vitest'
import * as entry from '../../src/index'
import {
  BubblehouseApiError,
  ReferralHistory,
  fetchCustomerReferrals,
  useCustomerReferrals,
  type CustomerReferrals,
  type Referral,
  type ReferralChannel,
  type ReferralHistoryProps,
  type ReferralStatus,
  type StyleIsolation,
  type ViewStateType,
} from '../../src/index'
import * as server from '../../src/server/index'
import { mintCustomerToken, type MintCustomerTokenOptions } from '../../src/server/index'

// Pins the public contract of design.md: names, required/optional props and their types. A
// rename, a prop that becomes required or a narrowed type fails `vitest --typecheck`.

describe('the npm entry', () => {
  it('exports every contract name', () => {
    type ContractValues =
      | 'ReferralHistory'
      | 'fetchCustomerReferrals'
      | 'useCustomerReferrals'
      | 'BubblehouseApiError'
      | 'customerReferralsQueryOptions'
      | 'customerReferralsQueryKey'
      | 'customerReferralsUrl'
      | 'parseCustomerReferrals'
      | 'DEFAULT_API_BASE_URL'
      | 'DEFAULT_API_VERSION'
      | 'CLIENT_ERROR_CODES'
      | 'API_ERROR_CODES'
      | 'KNOWN_REFERRAL_STATUSES'
      | 'KNOWN_REFERRAL_CHANNELS'
      | 'VERSION'
      | 'resetReferralHistory'
    expectTypeOf<ContractValues>().toExtend<keyof typeof entry>()
    expectTypeOf(entry.VERSION).toEqualTypeOf<string>()
  })

  it('keeps the server helper out of the browser entry', () => {
    expectTypeOf<'mintCustomerToken' extends keyof typeof entry ? true : false>().toEqualTypeOf<false>()
    expectTypeOf<'mintCustomerToken' | 'DEFAULT_TOKEN_LIFETIME_SECONDS'>().toExtend<keyof typeof server>()
  })
})

describe('ReferralHistory props', () => {
  it('requires only shop', () => {
    expectTypeOf<ReferralHistoryProps['shop']>().toEqualTypeOf<string>()
    assertType<ReactNode>(<ReferralHistory shop="my-shop" />)
    // @ts-expect-error shop is required
    assertType<ReactNode>(<ReferralHistory token="jwt" />)
  })

  it('takes the contract props with their meanings', () => {
    expectTypeOf<ReferralHistoryProps['token']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ReferralHistoryProps['currency']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ReferralHistoryProps['locale']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ReferralHistoryProps['apiBaseUrl']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ReferralHistoryProps['apiVersion']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ReferralHistoryProps['referUrl']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ReferralHistoryProps['signInUrl']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ReferralHistoryProps['deanonymize']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<ReferralHistoryProps['queryClient']>().toEqualTypeOf<QueryClient | undefined>()
    expectTypeOf<ReferralHistoryProps['onStateChange']>().toEqualTypeOf<((state: ViewStateType) => void) | undefined>()
  })

  it('accepts getToken returning a token or a promise of one', () => {
    assertType<ReactNode>(<ReferralHistory shop="s" getToken={async () => 'jwt'} />)
    assertType<ReactNode>(<ReferralHistory shop="s" getToken={() => 'jwt'} />)
    // @ts-expect-error getToken must produce a string
    assertType<ReactNode>(<ReferralHistory shop="s" getToken={async () => 42} />)
  })

  it('isolates styles with a shadow root unless told "none"', () => {
    expectTypeOf<StyleIsolation>().toEqualTypeOf<'shadow' | 'none'>()
    expectTypeOf<ReferralHistoryProps['isolation']>().toEqualTypeOf<StyleIsolation | undefined>()
    assertType<ReactNode>(<ReferralHistory shop="s" isolation="none" />)
    // @ts-expect-error only 'shadow' or 'none'
    assertType<ReactNode>(<ReferralHistory shop="s" isolation="scoped" />)
  })

  it('limits the heading level to h2-h6', () => {
    assertType<ReactNode>(<ReferralHistory shop="s" headingLevel={3} />)
    // @ts-expect-error h1 belongs to the page
    assertType<ReactNode>(<ReferralHistory shop="s" headingLevel={1} />)
  })
})

describe('data and errors', () => {
  it('fetchCustomerReferrals resolves to CustomerReferrals and needs shop and token', () => {
    expectTypeOf(fetchCustomerReferrals).returns.toEqualTypeOf<Promise<CustomerReferrals>>()
    expectTypeOf(fetchCustomerReferrals).parameter(0).toHaveProperty('shop').toEqualTypeOf<string>()
    expectTypeOf(fetchCustomerReferrals).parameter(0).toHaveProperty('token').toEqualTypeOf<string>()
    expectTypeOf(fetchCustomerReferrals).parameter(0).toHaveProperty('signal').toEqualTypeOf<AbortSignal | undefined>()
  })

  it('useCustomerReferrals is a react-query result of CustomerReferrals', () => {
    expectTypeOf(useCustomerReferrals).returns.toExtend<UseQueryResult<CustomerReferrals, Error>>()
  })

  it('BubblehouseApiError carries status and code', () => {
    expectTypeOf<BubblehouseApiError>().toExtend<Error>()
    expectTypeOf<BubblehouseApiError['status']>().toEqualTypeOf<number>()
    expectTypeOf<BubblehouseApiError['code']>().toEqualTypeOf<string>()
  })

  it('keeps unknown statuses and channels representable', () => {
    expectTypeOf<'approved'>().toExtend<ReferralStatus>()
    expectTypeOf<'carrier-pigeon'>().toExtend<ReferralChannel>()
    expectTypeOf<Referral['status']>().toEqualTypeOf<ReferralStatus>()
    expectTypeOf<CustomerReferrals['referrals']>().toEqualTypeOf<Referral[]>()
  })
})

describe('the server helper', () => {
  it('mints from { shop, customerId, kid, secret, expiresIn }', () => {
    expectTypeOf(mintCustomerToken).returns.toEqualTypeOf<Promise<string>>()
    expectTypeOf<MintCustomerTokenOptions['shop']>().toEqualTypeOf<string>()
    expectTypeOf<MintCustomerTokenOptions['kid']>().toEqualTypeOf<string>()
    expectTypeOf<MintCustomerTokenOptions['expiresIn']>().toEqualTypeOf<number | string | undefined>()
    assertType<Promise<string>>(mintCustomerToken({ shop: 's', customerId: 42, kid: 'k', secret: 'c2VjcmV0', expiresIn: '15m' }))
    // @ts-expect-error kid is required
    assertType<Promise<string>>(mintCustomerToken({ shop: 's', customerId: 42, secret: 'c2VjcmV0' }))
  })
})
