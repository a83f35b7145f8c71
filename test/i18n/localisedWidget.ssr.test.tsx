import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { preloadCatalogue } from '../../src/i18n/catalogues'
import { ReferralHistory } from '../../src/views/ReferralHistory'

// The `ssr` project: plain Node. A server render cannot wait for a catalogue chunk, so it is
// deterministic: without a preload it renders the loading state (no words in the wrong
// language); after `await preloadCatalogue(locale)` it renders the translated widget.
describe('server rendering in another language', () => {
  const widget = (locale: string) =>
    renderToString(<ReferralHistory shop="demo-shop" token="header.payload.signature" locale={locale} isolation="none" />)

  it('renders the loading state without English words when the catalogue is not loaded', () => {
    const html = widget('ja-JP')
    expect(html).toContain('data-state="loading"')
    expect(html).toContain('lang="ja-JP"')
    expect(html).not.toContain('Your referrals')
  })

  it('renders the translated heading and direction once the catalogue is preloaded', async () => {
    await preloadCatalogue('ar')
    const html = widget('ar-SA')
    expect(html).toContain('إحالاتك')
    expect(html).toContain('dir="rtl"')
  })
})
