import { useEffect, useState } from 'react'
import { loadedCatalogue, matchCatalogueLocale, preloadCatalogue } from './catalogues'
import type { Messages } from './messages'

/**
 * The message catalogue for `locale`, or `null` while its chunk is still loading. The caller
 * shows its loading state meanwhile instead of English words that would be swapped a moment later.
 * A catalogue already in memory is returned on the first render, so remounts, later widgets,
 * server renders and tests that preload it never pass through `null`.
 */
export function useCatalogue(locale: string): Messages | null {
  const target = matchCatalogueLocale(locale)
  const cached = loadedCatalogue(target)
  // Holds a catalogue that arrived after the first render; `target` rides along so a stale
  // answer for a previous locale is never shown for a new one.
  const [arrived, setArrived] = useState<{ target: string; messages: Messages } | null>(null)

  useEffect(() => {
    if (cached) return
    let current = true
    void preloadCatalogue(target).then((messages) => {
      if (current) setArrived({ target, messages })
    })
    return () => {
      current = false
    }
  }, [target, cached])

  if (cached) return cached
  return arrived?.target === target ? arrived.messages : null
}
