import { describeDestination, maskUnmaskedContact } from '../../src/model/destination'
import { makeReferral } from './makeReferral'

const show = (destination: string | null, deanonymize = false, channel = 'email') =>
  describeDestination(makeReferral({ destination, channel }), { deanonymize })

describe('describeDestination', () => {
  describe('given a destination the API masked', () => {
    it.each(['j***@example.com', 'ja•••@ex•••.com', 'j…e@e…e.com', '+1 ••• ••• 4567', 'jo××@gmail.com', 'a...@b...com'])(
      'shows %s exactly as sent',
      (masked) => {
        expect(show(masked)).toEqual({ kind: 'destination', text: masked, maskedHere: false })
      },
    )
  })

  describe('given a full e-mail address on a customer-facing page', () => {
    it('masks it on screen, keeping the first characters and the top-level domain', () => {
      expect(show('jane.doe@example.com')).toEqual({ kind: 'destination', text: 'ja•••@ex•••.com', maskedHere: true })
    })

    it('never shows any part of the address beyond two characters of each half', () => {
      const { text } = show('alexander@mailprovider.co.uk') as { text: string }
      expect(text).not.toContain('alexander')
      expect(text).not.toContain('mailprovider')
      expect(text).toBe('al•••@ma•••.uk')
    })

    it('reveals less of very short addresses', () => {
      expect(maskUnmaskedContact('jo@ab.io')).toBe('j•••@a•••.io')
      expect(maskUnmaskedContact('a@b.io')).toBe('•••@•••.io')
    })

    it('masks an address inside a longer value', () => {
      expect(maskUnmaskedContact('Jane Doe <jane.doe@example.com>')).toBe('Jane Doe <ja•••@ex•••.com>')
    })

    it('masks a full phone number down to its last two digits', () => {
      expect(maskUnmaskedContact('+1 (555) 123-4567')).toBe('+• (•••) •••-••67')
    })
  })

  describe('given the integrator opted into deanonymize', () => {
    it('shows a full address as sent', () => {
      expect(show('jane.doe@example.com', true)).toEqual({
        kind: 'destination',
        text: 'jane.doe@example.com',
        maskedHere: false,
      })
    })
  })

  it('leaves a value that is not an address alone', () => {
    expect(show('Jane')).toEqual({ kind: 'destination', text: 'Jane', maskedHere: false })
  })

  it('names the channel when the API recorded no destination', () => {
    expect(show(null, false, 'whatsapp')).toEqual({ kind: 'channel', sharedKey: 'channel.whatsapp.shared' })
    expect(show('   ', false, 'sms')).toEqual({ kind: 'channel', sharedKey: 'channel.sms.shared' })
  })

  it('uses the generic channel phrase for an unknown channel', () => {
    expect(show(null, false, 'carrier-pigeon')).toEqual({ kind: 'channel', sharedKey: 'channel.other.shared' })
  })
})
