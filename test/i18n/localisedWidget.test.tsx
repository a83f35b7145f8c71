import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, screen, waitFor } from '@testing-library/react'
import { preloadCatalogue } from '../../src/i18n/catalogues'
import { en } from '../../src/i18n/en'
import { ja } from '../../src/i18n/locales/ja'
import { useCatalogue } from '../../src/i18n/useCatalogue'
import { MOCK_SHOP, mintMockCustomerToken } from '../../src/mock-api'
import { ReferralHistory, type ReferralHistoryProps } from '../../src/views/ReferralHistory'

const clients: QueryClient[] = []

function renderWidget(props: Partial<ReferralHistoryProps>) {
  const queryClient = new QueryClient()
  clients.push(queryClient)
  const utils = render(
    <ReferralHistory
      shop={MOCK_SHOP}
      apiBaseUrl="https://api.test/api"
      currency="EUR"
      timeZone="UTC"
      loadingDelayMs={0}
      // The DOM is read directly here; the shadow root is exercised in Chromium.
      isolation="none"
      {...props}
      queryClient={queryClient}
    />,
  )
  const root = () => utils.container.querySelector('.bh-rh') as HTMLElement
  return { ...utils, root }
}

afterEach(async () => {
  for (const client of clients.splice(0)) {
    await client.cancelQueries()
    client.clear()
  }
})

describe('useCatalogue', () => {
  it('returns English on the first render', () => {
    const { result } = renderHook(() => useCatalogue('en-AU'))
    expect(result.current).toBe(en)
  })

  it('returns null while a catalogue loads, then the catalogue', async () => {
    const { result } = renderHook(() => useCatalogue('ja-JP'))
    expect(result.current).toBeNull()
    await waitFor(() => expect(result.current).toBe(ja))
  })

  it('never answers for a previous locale after the locale changes', async () => {
    const { result, rerender } = renderHook(({ locale }) => useCatalogue(locale), { initialProps: { locale: 'ja' } })
    await waitFor(() => expect(result.current).toBe(ja))
    rerender({ locale: 'es-MX' })
    expect(result.current).toBeNull()
    await waitFor(() => expect(result.current?.title).toBe('Tus recomendaciones'))
  })
})

describe('ReferralHistory in another language', () => {
  describe('given locale="de-DE" whose catalogue is not loaded yet', () => {
    it('stays in the loading state without English words, then shows German', async () => {
      const token = await mintMockCustomerToken('typical')
      const { root, container } = renderWidget({ token, locale: 'de-DE' })
      expect(root()).toHaveAttribute('data-state', 'loading')
      expect(screen.queryByRole('heading')).toBeNull()
      expect(container).not.toHaveTextContent('Your referrals')

      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      expect(screen.getByRole('heading', { name: 'Ihre Empfehlungen' })).toBeInTheDocument()
      expect(screen.getByRole('columnheader', { name: 'Prämie' })).toBeInTheDocument()
      expect(screen.getByText('Ihr Empfehlungsverlauf wurde geladen: 17 Empfehlungen.')).toHaveAttribute('aria-live', 'polite')
      expect(root()).toHaveAttribute('lang', 'de-DE')
      expect(root()).toHaveAttribute('dir', 'ltr')
    })
  })

  describe('given a catalogue preloaded before rendering', () => {
    it('renders the translated heading on the very first render', async () => {
      await preloadCatalogue('pt-BR')
      const token = await mintMockCustomerToken('typical')
      renderWidget({ token, locale: 'pt-PT' })
      expect(screen.getByRole('heading', { name: 'Suas indicações' })).toBeInTheDocument()
    })
  })

  describe('given locale="ar"', () => {
    it('lays the widget out right to left and keeps API addresses direction-neutral', async () => {
      const token = await mintMockCustomerToken('typical')
      const { root, container } = renderWidget({ token, locale: 'ar' })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'))
      expect(root()).toHaveAttribute('dir', 'rtl')
      expect(screen.getByRole('heading', { name: 'إحالاتك' })).toBeInTheDocument()
      const addresses = container.querySelectorAll('.bh-rh-friend-name[dir="auto"]')
      expect(addresses.length).toBeGreaterThan(0)
    })
  })

  describe('given messages that override part of the French catalogue', () => {
    it('shows the override and French for everything else', async () => {
      const token = await mintMockCustomerToken('empty')
      const { root } = renderWidget({ token, locale: 'fr-CA', messages: { title: 'Mes filleuls' } })
      await waitFor(() => expect(root()).toHaveAttribute('data-state', 'empty'))
      expect(screen.getByRole('heading', { name: 'Mes filleuls' })).toBeInTheDocument()
      expect(screen.getByText('Aucun parrainage pour l’instant')).toBeInTheDocument()
    })
  })

  describe('given a theme', () => {
    it('marks the root with the theme, "light" by default', async () => {
      const token = await mintMockCustomerToken('empty')
      const light = renderWidget({ token, locale: 'en' })
      expect(light.root()).toHaveAttribute('data-theme', 'light')
      light.unmount()
      const dark = renderWidget({ token, locale: 'en', theme: 'dark' })
      expect(dark.root()).toHaveAttribute('data-theme', 'dark')
    })
  })
})
