import { mintMockCustomerToken } from '../../src/mock-api/credentials'
import { addWidget, ELEMENT, expect, test, widgetIn } from './fixtures'
import { E2E_API_BASE } from './storefrontServer'

const MOCK_API = { shop: 'demo-shop', 'api-base-url': E2E_API_BASE }

test.describe('given three widgets for one customer on a page', () => {
  test('makes exactly one API request and one token request', async ({ page, server }) => {
    await page.goto('/three-widgets.html')
    const widgets = page.locator(ELEMENT)
    await expect(widgets).toHaveCount(3)
    for (const index of [0, 1, 2]) await expect(widgetIn(widgets.nth(index))).toHaveAttribute('data-state', 'ready')
    expect(server.api.requests.map((request) => `${request.scenario} ${request.status}`)).toEqual(['typical 200'])
    expect(server.stats.tokenRequests).toBe(1)
  })
})

test.describe('given a widget with a token attribute', () => {
  test('re-renders for the new customer when the token attribute changes', async ({ page, server }) => {
    const typical = await mintMockCustomerToken('typical')
    const empty = await mintMockCustomerToken('empty')
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: typical })
    const host = page.locator(ELEMENT)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'ready')

    await host.evaluate((element, token) => element.setAttribute('token', token), empty)
    await expect(widgetIn(host)).toHaveAttribute('data-state', 'empty')
    await expect(host.locator('tbody tr')).toHaveCount(0)
    expect(server.api.requests.map((request) => request.scenario)).toEqual(['typical', 'empty'])
  })

  test('changes currency in place without asking the API again', async ({ page, server }) => {
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('typical'), currency: 'EUR' })
    const host = page.locator(ELEMENT)
    await expect(host.getByText('€10.00').first()).toBeVisible()
    await host.evaluate((element) => element.setAttribute('currency', 'USD'))
    await expect(host.getByText('$10.00').first()).toBeVisible()
    expect(server.api.requests).toHaveLength(1)
  })
})

test.describe('given an expired token and a token-url', () => {
  test('never sends the expired token: gets a fresh one from token-url first and shows the rows (one API request)', async ({ page, server }) => {
    const expired = await mintMockCustomerToken('typical', { expiresIn: -60 })
    const sent: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/CustomerReferrals2')) sent.push(request.headers()['authorization'] ?? '')
    })
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: expired, 'token-url': '/dev-merchant/customer-token?customer=typical' })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
    expect(server.api.requests.map((request) => request.status)).toEqual([200])
    expect(sent).toHaveLength(1)
    expect(sent).not.toContain(`Bearer ${expired}`)
    expect(server.stats.tokenRequests).toBe(1)
  })
})

test.describe('given a token the API refuses and a token-url', () => {
  test('gets a fresh token from token-url after the 401 and shows the rows (two API requests)', async ({ page, server }) => {
    const refused = await mintMockCustomerToken('typical', { audience: 'not-bh' })
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: refused, 'token-url': '/dev-merchant/customer-token?customer=typical' })
    await expect(widgetIn(page.locator(ELEMENT))).toHaveAttribute('data-state', 'ready')
    expect(server.api.requests.map((request) => request.status)).toEqual([401, 200])
    expect(server.stats.tokenRequests).toBe(1)
  })
})

test.describe('given a widget whose request is still running', () => {
  test('removing the element aborts the request (the server sees the client hang up)', async ({ page, server }) => {
    await page.goto('/blank.html')
    await addWidget(page, { ...MOCK_API, token: await mintMockCustomerToken('slow') })
    await expect.poll(() => server.stats.apiRequestsStarted).toBe(1)
    expect(server.stats.apiHangups).toBe(0)

    await page.locator(ELEMENT).evaluate((element) => element.remove())
    await expect.poll(() => server.stats.apiHangups).toBe(1)
    await expect.poll(() => server.api.requests.map((request) => request.status)).toEqual([0])
  })
})
