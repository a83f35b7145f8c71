const EMAIL = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[^\s@"'<>()]+/g
const JWT = /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g

/**
 * Removes e-mail addresses and JWTs from free text before it reaches a console or an error
 * message. The API's error `message` is free text we do not control; this keeps the promise that
 * no token or friend's address is ever logged, whatever the server puts there.
 */
export function redactSecrets(text: string): string {
  return text.replace(JWT, '[token]').replace(EMAIL, '[email]')
}
