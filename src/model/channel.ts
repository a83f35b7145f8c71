import { KNOWN_REFERRAL_CHANNELS, type KnownReferralChannel, type ReferralChannel } from '../api/types'
import type { MessageKey } from '../i18n/messages'

export interface ChannelMessages {
  known: boolean
  /** The channel's name, e.g. "WhatsApp". */
  labelKey: MessageKey
  /** What stands in for the friend when the API recorded no address, e.g. "Shared on WhatsApp".
   * A separate sentence per channel because the preposition differs by channel and language. */
  sharedKey: MessageKey
}

// Written out rather than built from the channel name so every key is checked against `Messages`.
const CHANNELS: Record<KnownReferralChannel, ChannelMessages> = {
  email: { known: true, labelKey: 'channel.email', sharedKey: 'channel.email.shared' },
  sms: { known: true, labelKey: 'channel.sms', sharedKey: 'channel.sms.shared' },
  facebook: { known: true, labelKey: 'channel.facebook', sharedKey: 'channel.facebook.shared' },
  messenger: { known: true, labelKey: 'channel.messenger', sharedKey: 'channel.messenger.shared' },
  whatsapp: { known: true, labelKey: 'channel.whatsapp', sharedKey: 'channel.whatsapp.shared' },
  twitter: { known: true, labelKey: 'channel.twitter', sharedKey: 'channel.twitter.shared' },
  instagram: { known: true, labelKey: 'channel.instagram', sharedKey: 'channel.instagram.shared' },
  threads: { known: true, labelKey: 'channel.threads', sharedKey: 'channel.threads.shared' },
  telegram: { known: true, labelKey: 'channel.telegram', sharedKey: 'channel.telegram.shared' },
  'qr-code': { known: true, labelKey: 'channel.qr-code', sharedKey: 'channel.qr-code.shared' },
  'custom-personal': { known: true, labelKey: 'channel.custom-personal', sharedKey: 'channel.custom-personal.shared' },
  'custom-social': { known: true, labelKey: 'channel.custom-social', sharedKey: 'channel.custom-social.shared' },
}

/** The API documents the channel list as non-exhaustive: a new one gets a generic label. */
const OTHER: ChannelMessages = { known: false, labelKey: 'channel.other', sharedKey: 'channel.other.shared' }

export function isKnownChannel(channel: ReferralChannel): channel is KnownReferralChannel {
  return (KNOWN_REFERRAL_CHANNELS as readonly string[]).includes(channel)
}

export function channelMessages(channel: ReferralChannel): ChannelMessages {
  return isKnownChannel(channel) ? CHANNELS[channel] : OTHER
}
