import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { ReferralHistory } from '../index'
import { SCENARIOS, MOCK_SHOP } from '../mock-api'
import { DEV_MOCK_API_BASE } from './devServerPlugin'
import { DEV_TOKEN_PATH } from './devMerchantTokenEndpoint'
import widgetCss from '../views/styles/referral-history.css?inline'

/**
 * The demo storefront. By default it runs on the built-in mock Bubblehouse API served by the dev
 * server; the scenario picker chooses which mock customer is "signed in", and the dev merchant
 * endpoint mints that customer's token (as a real merchant server would).
 *
 * With VITE_BUBBLEHOUSE_SHOP and VITE_BUBBLEHOUSE_TOKEN set (e.g. in .env.local), it talks to the
 * real Bubblehouse API instead, with no mock in the way. The token stays out of the URL.
 */
const realShop = import.meta.env.VITE_BUBBLEHOUSE_SHOP as string | undefined
const realToken = import.meta.env.VITE_BUBBLEHOUSE_TOKEN as string | undefined
const realApiBase = import.meta.env.VITE_BUBBLEHOUSE_API_BASE_URL as string | undefined

const style = document.createElement('style')
style.textContent = widgetCss
document.head.append(style)

function Demo() {
  const [customer, setCustomer] = useState<string>(() => new URLSearchParams(location.search).get('scenario') ?? 'typical')
  const [currency, setCurrency] = useState('EUR')
  const [locale, setLocale] = useState<string>(navigator.language)

  if (realShop && realToken) {
    return <ReferralHistory shop={realShop} token={realToken} apiBaseUrl={realApiBase} currency={currency} referUrl="/" />
  }

  const chooseScenario = (id: string) => {
    setCustomer(id)
    const url = new URL(location.href)
    url.searchParams.set('scenario', id)
    history.replaceState(null, '', url)
  }

  return (
    <>
      <div className="demo-controls">
        <label>
          Mock customer{' '}
          <select value={customer} onChange={(event) => chooseScenario(event.target.value)}>
            {SCENARIOS.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Currency <input size={4} value={currency} onChange={(event) => setCurrency(event.target.value)} />
        </label>
        <label>
          Locale <input size={6} value={locale} onChange={(event) => setLocale(event.target.value)} />
        </label>
        <p>{SCENARIOS.find((scenario) => scenario.id === customer)?.description ?? 'A customer the mock does not know: empty history.'}</p>
      </div>
      <ReferralHistory
        key={customer}
        shop={MOCK_SHOP}
        apiBaseUrl={DEV_MOCK_API_BASE}
        tokenSourceKey={`demo:${customer}`}
        getToken={async () => {
          const response = await fetch(`${DEV_TOKEN_PATH}?customer=${encodeURIComponent(customer)}`, { credentials: 'same-origin' })
          if (!response.ok) throw new Error(`token endpoint answered ${response.status}`)
          return ((await response.json()) as { token: string }).token
        }}
        currency={currency}
        locale={locale}
        referUrl="/pages/refer"
      />
    </>
  )
}

const container = document.getElementById('referral-history')
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Demo />
    </StrictMode>,
  )
}
