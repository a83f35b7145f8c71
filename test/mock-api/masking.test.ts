import { MOCK_ADMIN_LEVEL, MOCK_SHOP, mintMockCustomerToken, mintMockShopToken } from '../../src/mock-api/credentials'
import { TYPICAL_REFERRALS } from '../../src/mock-api/fixtures'
import { maskDestination } from '../../src/mock-api/maskDestination'
import { createMockBubblehouseApi } from '../../src/mock-api/mockBubblehouseApi'

const FULL_ADDRESSES = TYPICAL_REFERRALS.flatMap((row) => (row.destination === null ? [] : [row.destination]))

async function destinationsFor(token: string, body: unknown = {}): Promise<(string | null)[]> {
  const response = await createMockBubblehouseApi().handle(
    new Request(`https://app.bubblehouse.com/api/v2023061/${MOCK_SHOP}/CustomerReferrals2`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
  expect(response.status).toBe(200)
  const answer = (await response.json()) as { referrals: { destination: string | null }[] }
  return answer.referrals.map((row) => row.destination)
}

describe('destination masking', () => {
  it('the typical fixtures hold full addresses for the server to mask', () => {
    expect(FULL_ADDRESSES).toContain('jane.cooper@example.com')
  })

  it('masks an address as first letters plus the top-level domain', () => {
    expect(maskDestination('jane.cooper@example.com')).toBe('j***@e***.com')
    expect(maskDestination('a@mail.example.co.uk')).toBe('a***@m***.uk')
    expect(maskDestination('not-an-address')).toBe('n***')
  })

  describe('given a default request', () => {
    it('sends no full e-mail address, only masked ones, and null for SMS and social rows', async () => {
      const destinations = await destinationsFor(await mintMockCustomerToken('typical'))
      for (const address of FULL_ADDRESSES) expect(destinations).not.toContain(address)
      expect(destinations).toContain('j***@e***.com')
      expect(destinations.filter((destination) => destination !== null)).toHaveLength(FULL_ADDRESSES.length)
      expect(destinations.filter((destination) => destination === null).length).toBeGreaterThan(0)
    })
  })

  describe('given deanonymize with an ordinary customer token', () => {
    it('still masks: the caller may not see unmasked data', async () => {
      const destinations = await destinationsFor(await mintMockCustomerToken('typical'), { deanonymize: true })
      for (const address of FULL_ADDRESSES) expect(destinations).not.toContain(address)
    })
  })

  describe('given deanonymize with a customer-admin token', () => {
    it('sends full addresses', async () => {
      const token = await mintMockCustomerToken('typical', { level: MOCK_ADMIN_LEVEL })
      const destinations = await destinationsFor(token, { deanonymize: true })
      expect(destinations).toContain('jane.cooper@example.com')
    })

    it('masks when deanonymize is not asked for', async () => {
      const token = await mintMockCustomerToken('typical', { level: MOCK_ADMIN_LEVEL })
      expect(await destinationsFor(token)).not.toContain('jane.cooper@example.com')
    })
  })

  describe('given deanonymize with a shop token', () => {
    it('sends full addresses', async () => {
      const destinations = await destinationsFor(await mintMockShopToken(), { customer: { shopid: 'typical' }, deanonymize: true })
      expect(destinations).toContain('jane.cooper@example.com')
    })
  })

  describe('given the leaky-emails customer (a broken server)', () => {
    it('sends full addresses even to an ordinary default request', async () => {
      const destinations = await destinationsFor(await mintMockCustomerToken('leaky-emails'))
      expect(destinations).toContain('jane.cooper@example.com')
    })
  })
})
