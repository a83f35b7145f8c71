const reported = new Set<string>()

/**
 * Logs an integrator-facing message once per page, however often the widget re-renders or how
 * many instances share the mistake. Messages must never contain a token or a friend's address.
 */
export function reportOnce(level: 'error' | 'warn', message: string): void {
  if (reported.has(message)) return
  reported.add(message)
  // eslint-disable-next-line no-console
  console[level](message)
}

/** Tests only: forget what was reported. */
export function resetReportedMessages(): void {
  reported.clear()
}
