import { KNOWN_REFERRAL_CHANNELS } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { channelMessages } from '../../src/model/channel'

const t = createTranslator(en, 'en')

describe('channelMessages', () => {
  it.each([
    ['email', 'Email', 'Sent by email'],
    ['sms', 'SMS / iMessage', 'Sent by SMS / iMessage'],
    ['facebook', 'Facebook', 'Shared on Facebook'],
    ['messenger', 'Messenger', 'Shared on Messenger'],
    ['whatsapp', 'WhatsApp', 'Shared on WhatsApp'],
    ['twitter', 'X (Twitter)', 'Shared on X (Twitter)'],
    ['instagram', 'Instagram', 'Shared on Instagram'],
    ['threads', 'Threads', 'Shared on Threads'],
    ['telegram', 'Telegram', 'Shared on Telegram'],
    ['qr-code', 'QR code', 'Shared with a QR code'],
    ['custom-personal', 'Personal link', 'Shared with a personal link'],
    ['custom-social', 'Shared link', 'Shared with a link'],
  ])('names %s', (channel, label, shared) => {
    const messages = channelMessages(channel)
    expect(t(messages.labelKey)).toBe(label)
    expect(t(messages.sharedKey)).toBe(shared)
  })

  it('covers every documented channel', () => {
    expect(KNOWN_REFERRAL_CHANNELS).toHaveLength(12)
    for (const channel of KNOWN_REFERRAL_CHANNELS) expect(channelMessages(channel).known).toBe(true)
  })

  it('gives a channel added later a generic label', () => {
    const messages = channelMessages('bluesky')
    expect(messages.known).toBe(false)
    expect(t(messages.labelKey)).toBe('Other')
    expect(t(messages.sharedKey)).toBe('Shared with a friend')
  })
})
