/**
 * The script-tag entry (`referral-history.js` and `referral-history@<version>.js`, IIFE). It only
 * defines the element and the JS API; the main chunk (`referral-history.main@<version>.js`, ESM)
 * is imported from the same folder as this script when a widget comes near the viewport. The
 * loader always names the main chunk of its own version, so a cached loader never pairs with a
 * different main chunk.
 */
import { defineReferralHistoryElement } from './defineReferralHistoryElement'
import type { EmbedMain } from './types'
import { VERSION } from '../version'

const mainUrl = new URL(`referral-history.main@${VERSION}.js`, ownScriptUrl()).href

defineReferralHistoryElement({
  version: VERSION,
  loadMain: () => import(/* @vite-ignore */ mainUrl) as Promise<EmbedMain>,
})

/**
 * This script's URL, read while it runs (set for classic scripts, whether written in the page or
 * inserted by a tag manager). Where it is not (the loader bundled into a module), chunks are
 * looked up next to the page.
 */
function ownScriptUrl(): string {
  return (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI
}
