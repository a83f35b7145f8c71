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

defineReferralHistoryElement(
  // A relative `import()` in a classic script resolves against the script's own URL (HTML's
  // "active script" base URL), wherever the page or a tag manager put the script tag: the main
  // chunk is found next to this file. (Inlined into the page, it resolves against the page.)
  () => import(/* @vite-ignore */ `./referral-history.main@${VERSION}.js`) as Promise<EmbedMain>,
  VERSION,
)
