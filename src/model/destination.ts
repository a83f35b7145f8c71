import type { Referral } from '../api/types'
import type { MessageKey } from '../i18n/messages'
import { channelMessages } from './channel'

/** Who a row is about, before wording is applied. */
export type DestinationDisplay =
  | {
      kind: 'destination'
      /** The destination as the API sent it, or masked here when it arrived unmasked. */
      text: string
      /** `true` when this widget masked it because the API sent a full address. */
      maskedHere: boolean
    }
  | { kind: 'channel'; sharedKey: MessageKey }

export interface DestinationOptions {
  /** The integrator opted into unmasked destinations (admin tools only). Default `false`. */
  deanonymize?: boolean
}

/**
 * The API masks destinations by default but documents no mask format, so a masked value is shown
 * exactly as sent and never parsed. Any of these characters (or a run of dots, which no real
 * address contains) marks a value as masked.
 */
const MASK_MARK = /[*•…×·●∗]|\.\.\./

// Characters that end an address inside a longer value such as `Jane <jane@example.com>`.
const EDGE = `\\s<>()\\[\\]"',;:`
const FULL_EMAIL = new RegExp(
  `(?<=^|[${EDGE}])([^${EDGE}@]+)@([^${EDGE}@]+\\.[^${EDGE}@.]{2,})(?=$|[${EDGE}])`,
  'gu',
)
// Seven or more digits with phone punctuation: long enough to be a number someone can dial.
const FULL_PHONE = /^\+?[\d\s().-]+$/
const MIN_PHONE_DIGITS = 7

const HIDDEN = '•••'

export function looksMasked(value: string): boolean {
  return MASK_MARK.test(value)
}

/**
 * Decides what identifies a row: the destination, or the channel when the API recorded none
 * (SMS and social sends record nothing).
 *
 * Privacy rule: if a full e-mail address (or phone number) reaches this customer-facing widget
 * without `deanonymize`, it is masked on screen. Better to over-mask a value the server had
 * already masked in an unfamiliar style than to show a friend's address.
 */
export function describeDestination(
  referral: Pick<Referral, 'destination' | 'channel'>,
  { deanonymize = false }: DestinationOptions = {},
): DestinationDisplay {
  const destination = referral.destination
  if (destination === null || destination.trim() === '') {
    return { kind: 'channel', sharedKey: channelMessages(referral.channel).sharedKey }
  }
  if (deanonymize || looksMasked(destination)) {
    return { kind: 'destination', text: destination, maskedHere: false }
  }
  const masked = maskUnmaskedContact(destination)
  return { kind: 'destination', text: masked, maskedHere: masked !== destination }
}

/** Masks every full e-mail address in `value`, or the whole value when it is a phone number. */
export function maskUnmaskedContact(value: string): string {
  if (FULL_PHONE.test(value) && countDigits(value) >= MIN_PHONE_DIGITS) return maskPhone(value)
  return value.replace(FULL_EMAIL, (_whole, local: string, domain: string) => maskEmail(local, domain))
}

/** `jane.doe@example.com` → `ja•••@ex•••.com`: enough to recognise a friend you invited, not
 * enough to write to them. The mask has a fixed length so it does not leak the address's length. */
export function maskEmail(local: string, domain: string): string {
  const lastDot = domain.lastIndexOf('.')
  const name = domain.slice(0, lastDot)
  const topLevel = domain.slice(lastDot)
  return `${keepStart(local)}${HIDDEN}@${keepStart(name)}${HIDDEN}${topLevel}`
}

/** Up to two leading characters: none of a one-character part, one of a short one. */
function keepStart(part: string): string {
  const chars = Array.from(part)
  const keep = chars.length >= 4 ? 2 : chars.length >= 2 ? 1 : 0
  return chars.slice(0, keep).join('')
}

function maskPhone(value: string): string {
  let digitsLeft = countDigits(value)
  return value.replace(/\d/g, (digit) => (digitsLeft-- > 2 ? '•' : digit))
}

function countDigits(value: string): number {
  return value.replace(/\D/g, '').length
}
