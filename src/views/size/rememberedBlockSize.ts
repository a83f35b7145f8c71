/**
 * The widget's remembered height: one number per shop, in this browser's `localStorage`, so a
 * returning shopper's page reserves the box the widget will take and nothing below it moves
 * (issue 17; BENCHMARKS.md figure 9). The number is the widget's last settled height in CSS
 * pixels, rounded: nothing about the customer, no row, no id. `resetReferralHistory()` forgets it
 * with everything else, so the next customer of a shared browser starts from the default box.
 *
 * No imports: the loader (src/embed/defineReferralHistoryElement.ts) reads the same key before
 * the main chunk is there, and every byte it pulls in is fetched on every page of the store.
 */

/** The custom property the reserved box is read from: the README's page rule (before any script),
 * then the widget root while it loads. `0px` once the widget shows a settled state. */
export const RESERVED_BLOCK_SIZE = '--bh-rh-_reserved-block-size'

const KEY_PREFIX = 'bh-rh-block-size:'

/** `localStorage` key of a shop's remembered height. */
export const rememberedBlockSizeKey = (shop: string): string => KEY_PREFIX + shop

/**
 * The shop's remembered height as a CSS length (`"312px"`), or undefined. Only what
 * `rememberBlockSize` writes is used: anything else under the key is ignored. `localStorage` can
 * be absent or throw (on the server, storage disabled, a sandboxed frame): then the widget reserves
 * the default box, as on a first visit. Small on purpose: the loader calls it.
 */
export function readRememberedBlockSize(shop: string): string | undefined {
  try {
    const value = localStorage.getItem(KEY_PREFIX + shop)
    if (value && /^\d{1,5}px$/.test(value)) return value
  } catch {
    // No storage: the default box.
  }
}

export function rememberBlockSize(shop: string, pixels: number): void {
  if (!(pixels > 0) || !shop) return
  try {
    localStorage.setItem(KEY_PREFIX + shop, `${Math.min(99_999, Math.round(pixels))}px`)
  } catch {
    // Full or disabled storage: the next visit reserves the default box.
  }
}

/** Forgets the remembered height of every shop (a sign-out: `resetReferralHistory()`). */
export function forgetRememberedBlockSizes(): void {
  try {
    const store = localStorage
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key) => key?.startsWith(KEY_PREFIX))
    for (const key of keys) store.removeItem(key!)
  } catch {
    // Nothing to forget where storage cannot be read.
  }
}
