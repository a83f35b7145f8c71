/**
 * The widget's remembered height: one number per shop, in this browser's `localStorage`, so a
 * returning shopper's page reserves the box the widget will take and nothing below it moves
 * (issue 17; BENCHMARKS.md figure 9). The number is the widget's last height showing a history or
 * the empty notice, in CSS pixels: nothing about the customer, no row, no id. One key for every
 * shop, so the sign-out call (`resetReferralHistory()`, the loader's `reset()`) forgets all of them
 * with one removal, and the next customer of a shared browser starts from the default box.
 *
 * No imports: the loader (src/embed/defineReferralHistoryElement.ts) reads and forgets the same key
 * before the main chunk is there, and every byte it pulls in is fetched on every page of the store.
 */

/** The custom property the reserved box is read from: the README's page rule (before any script),
 * then the widget root while it loads. `0px` once the widget shows a settled state. */
export const RESERVED_BLOCK_SIZE = '--bh-rh-_reserved-block-size'

/** `localStorage` key: `{"<shop>": "<pixels>px", …}`. */
export const REMEMBERED_BLOCK_SIZES_KEY = 'bh-rh-block-sizes'

/**
 * The shop's remembered height as a CSS length (`"312px"`), or undefined. Only what
 * `rememberBlockSize` writes is used: anything else under the key is ignored. `localStorage` can
 * be absent or throw (on the server, storage disabled, a sandboxed frame): then the widget reserves
 * the default box, as on a first visit. Small on purpose: the loader calls it.
 */
export function readRememberedBlockSize(shop: string): string | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(REMEMBERED_BLOCK_SIZES_KEY)!)[shop]
    if (typeof value === 'string' && /^\d{1,5}px$/.test(value)) return value
  } catch {
    // Nothing remembered, or no storage: the default box.
  }
}

export function rememberBlockSize(shop: string, pixels: number): void {
  if (!(pixels > 0) || !shop) return
  try {
    let sizes: Record<string, string> = {}
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(REMEMBERED_BLOCK_SIZES_KEY) ?? '{}')
      if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) sizes = stored as Record<string, string>
    } catch {
      // Not ours any more: start over.
    }
    sizes[shop] = `${Math.min(99_999, Math.round(pixels))}px`
    localStorage.setItem(REMEMBERED_BLOCK_SIZES_KEY, JSON.stringify(sizes))
  } catch {
    // Full or disabled storage: the next visit reserves the default box.
  }
}

/** Forgets the remembered height of every shop (a sign-out). */
export function forgetRememberedBlockSizes(): void {
  try {
    localStorage.removeItem(REMEMBERED_BLOCK_SIZES_KEY)
  } catch {
    // Nothing to forget where storage cannot be read.
  }
}
