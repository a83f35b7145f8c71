/**
 * A copy of an options or props object with its own enumerable properties only, on a null
 * prototype. Another script's prototype pollution (`Object.prototype.apiBaseUrl = …`,
 * `Object.prototype.deanonymize = true`) then never reads as an option: every option that
 * decides where the token goes or what is shown is read from the copy.
 */
export function ownOptions<T extends object>(options: T): T {
  return Object.assign(Object.create(null) as T, options)
}
