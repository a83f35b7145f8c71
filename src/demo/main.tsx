import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { defineReferralHistoryElement } from '../embed/defineReferralHistoryElement'
import { ELEMENT_NAME } from '../embed/types'
import { SCENARIOS } from '../mock-api'
import { VERSION } from '../version'
import { DEV_TOKEN_PATH } from './devMerchantTokenEndpoint'

/**
 * The demo storefront uses the script-tag embed, as a merchant's theme would: index.html holds the
 * `<bubblehouse-referral-history>` tag. In dev, Vite serves the embed from source, so the element
 * is defined here with the main module imported directly instead of the built chunk.
 *
 * By default it runs on the built-in mock Bubblehouse API served by the dev server; the scenario
 * picker chooses which mock customer is "signed in" by changing the element's `token-url` (an
 * in-place attribute update, as a theme switching customers would), and the dev merchant endpoint
 * mints that customer's token. With VITE_BUBBLEHOUSE_SHOP and VITE_BUBBLEHOUSE_TOKEN set (e.g. in
 * .env.local), the element talks to the real Bubblehouse API instead. The token stays out of URLs.
 */
const realShop = import.meta.env.VITE_BUBBLEHOUSE_SHOP as string | undefined
const realToken = import.meta.env.VITE_BUBBLEHOUSE_TOKEN as string | undefined
const realApiBase = import.meta.env.VITE_BUBBLEHOUSE_API_BASE_URL as string | undefined

const widget = document.querySelector(ELEMENT_NAME)

function tokenUrlFor(customer: string): string {
  return `${DEV_TOKEN_PATH}?customer=${encodeURIComponent(customer)}`
}

/** Sets or removes one attribute of the widget (an empty value removes it). */
function setWidgetAttribute(name: string, value: string): void {
  if (!widget) return
  if (value === '') widget.removeAttribute(name)
  else widget.setAttribute(name, value)
}

function Controls({ realApi }: { realApi: boolean }) {
  const [customer, setCustomer] = useState(initialCustomer)
  const [currency, setCurrency] = useState('EUR')
  const [locale, setLocale] = useState<string>(navigator.language)

  useEffect(() => {
    if (!realApi) setWidgetAttribute('token-url', tokenUrlFor(customer))
  }, [customer, realApi])
  useEffect(() => setWidgetAttribute('currency', currency.trim()), [currency])
  useEffect(() => setWidgetAttribute('locale', locale.trim()), [locale])

  const chooseScenario = (id: string) => {
    setCustomer(id)
    const url = new URL(location.href)
    url.searchParams.set('scenario', id)
    history.replaceState(null, '', url)
  }

  return (
    <div className="demo-controls">
      {realApi ? (
        <label>Real Bubblehouse API (VITE_BUBBLEHOUSE_SHOP)</label>
      ) : (
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
      )}
      <label>
        Currency <input size={4} value={currency} onChange={(event) => setCurrency(event.target.value)} />
      </label>
      <label>
        Locale <input size={6} value={locale} onChange={(event) => setLocale(event.target.value)} />
      </label>
      {realApi ? null : (
        <p>{SCENARIOS.find((scenario) => scenario.id === customer)?.description ?? 'A customer the mock does not know: empty history.'}</p>
      )}
    </div>
  )
}

// Attributes first, then define the element: it starts with the right customer (one request).
const initialCustomer = new URLSearchParams(location.search).get('scenario') ?? 'typical'
const realApi = Boolean(realShop && realToken)
if (realApi) {
  setWidgetAttribute('token-url', '')
  setWidgetAttribute('api-base-url', realApiBase ?? '')
  setWidgetAttribute('shop', realShop ?? '')
  setWidgetAttribute('token', realToken ?? '')
  setWidgetAttribute('refer-url', '/')
} else {
  setWidgetAttribute('token-url', tokenUrlFor(initialCustomer))
}
defineReferralHistoryElement(() => import('../embed/main'), VERSION)

const controls = document.getElementById('demo-controls')
if (controls) {
  createRoot(controls).render(
    <StrictMode>
      <Controls realApi={realApi} />
    </StrictMode>,
  )
}
