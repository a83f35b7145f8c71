/**
 * Masks a referral destination the way the server does by default.
 *
 * The real mask format is undocumented (it follows "the customer-facing referral history block",
 * whose page is not in the stored docs). This mock keeps the first character of the local part
 * and of the domain, plus the top-level domain: `jane.cooper@example.com` → `j***@e***.com`.
 * The widget must render whatever it gets verbatim, so the exact format does not matter to it;
 * what matters is that no full address leaves a default answer.
 */
export function maskDestination(destination: string): string {
  const at = destination.lastIndexOf('@')
  if (at <= 0) return `${destination.charAt(0)}***`
  const local = destination.slice(0, at)
  const domain = destination.slice(at + 1)
  const lastDot = domain.lastIndexOf('.')
  const topLevel = lastDot > 0 ? domain.slice(lastDot) : ''
  return `${local.charAt(0)}***@${domain.charAt(0)}***${topLevel}`
}
