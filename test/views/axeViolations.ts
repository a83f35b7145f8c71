import axe from 'axe-core'

/**
 * Runs axe on a rendered state and returns its violations in a readable form, so a failing
 * assertion names the rule and the offending markup.
 * jsdom computes no colours, so `color-contrast` is left to the real-browser tests.
 */
export async function axeViolations(container: Element): Promise<Array<{ id: string; nodes: string[] }>> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  return results.violations.map((violation) => ({
    id: violation.id,
    nodes: violation.nodes.map((node) => node.html),
  }))
}
