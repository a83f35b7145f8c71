/**
 * Bench variant (figure 11): the answer parsed with one `JSON.parse`, a single task, instead of
 * `parseJsonInSlices`. Swapped in for `./parseJsonInSlices` by the "unsliced" embed build
 * (buildBundles.ts); never shipped.
 */
export async function parseJsonInSlices(text: string): Promise<unknown> {
  return JSON.parse(text) as unknown
}
