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
 * This script's URL, read while it runs. `document.currentScript` is null in some set-ups (the
 * loader bundled into a module, some tag managers); then the last script tag whose file name is
 * ours, then the page itself.
 */
function ownScriptUrl(): string {
  const current = document.currentScript
  if (current instanceof HTMLScriptElement && current.src) return current.src
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src*="referral-history"]')
  return scripts[scripts.length - 1]?.src ?? document.baseURI
}
