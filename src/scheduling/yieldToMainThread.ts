/**
 * Continues in a new task, so the browser can paint and handle input in between. A message rather
 * than `setTimeout(0)`: browsers clamp nested timeouts to 4 ms, which over ~80 batches would add a
 * third of a second to a 10,000-row history. (Browsers and Node both have `MessageChannel`.)
 * Used by `runInSlices` (steps.ts) and before parsing a long answer (fetchCustomerReferrals.ts).
 */
export function yieldToMainThread(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel()
    port1.onmessage = () => {
      port1.close()
      resolve()
    }
    port2.postMessage(null)
  })
}
