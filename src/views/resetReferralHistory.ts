import { resetCustomerQueries } from '../query/resetReferralHistory'
import { forgetRememberedBlockSizes } from './size/rememberedBlockSize'

/**
 * Forgets everything the widget knows on this page and in this browser, of every customer: tokens,
 * cached histories, rate-limit waits and the remembered height of each shop's widget. Every widget
 * on screen starts over (it asks its token source again). Call it when the shopper signs out of a
 * single-page shop. The script-tag embed exposes it as `window.BubblehouseReferralHistory.reset()`.
 */
export function resetReferralHistory(): void {
  forgetRememberedBlockSizes()
  resetCustomerQueries()
}
