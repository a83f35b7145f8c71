import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose'
import { mintCustomerToken } from '../../src/server'

// A made-up secret in the console's base64 form, and the bytes it stands for. The bytes are built
// with this realm's Uint8Array: jsdom's TextEncoder returns another realm's, which jose refuses.
const SECRET_TEXT = 'test-secret-for-minting-tokens!!'
const SECRET_BASE64 = btoa(SECRET_TEXT)
const asciiBytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))
const SECRET_BYTES = asciiBytes(SECRET_TEXT)
const NOW = new Date('2025-06-15T12:00:00Z')
const NOW_SECONDS = NOW.getTime() / 1000

const baseOptions = { shop: 'my-shop', customerId: '1234', kid: 'key-1', secret: SECRET_BASE64, now: NOW }

describe('mintCustomerToken', () => {
  describe('given valid options', () => {
    it('signs an HS256 JWT with the kid and typ headers Bubblehouse expects', async () => {
      const token = await mintCustomerToken(baseOptions)
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', kid: 'key-1', typ: 'JWT' })
    })

    it('sets aud "BH", sub "<shop>/<customerId>", iat now and exp one hour later', async () => {
      const token = await mintCustomerToken(baseOptions)
      expect(decodeJwt(token)).toEqual({ aud: 'BH', sub: 'my-shop/1234', iat: NOW_SECONDS, exp: NOW_SECONDS + 3600 })
    })

    it('signs with the base64-decoded console secret, not with the base64 text itself', async () => {
      const token = await mintCustomerToken(baseOptions)
      await expect(jwtVerify(token, SECRET_BYTES, { currentDate: NOW })).resolves.toBeTruthy()
      await expect(jwtVerify(token, asciiBytes(SECRET_BASE64), { currentDate: NOW })).rejects.toThrow()
    })

    it('accepts base64url text and missing padding for the same key', async () => {
      const secret = btoa('\u00fb\u00ff\u00fe-key-of-16-bytes').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
      const token = await mintCustomerToken({ ...baseOptions, secret })
      const key = asciiBytes('\u00fb\u00ff\u00fe-key-of-16-bytes')
      await expect(jwtVerify(token, key, { currentDate: NOW })).resolves.toBeTruthy()
    })

    it('uses a Uint8Array secret as the raw key bytes', async () => {
      const token = await mintCustomerToken({ ...baseOptions, secret: SECRET_BYTES })
      await expect(jwtVerify(token, SECRET_BYTES, { currentDate: NOW })).resolves.toBeTruthy()
    })

    it('accepts key bytes made in another realm (e.g. by jsdom\'s TextEncoder)', async () => {
      const foreignBytes = new TextEncoder().encode(SECRET_TEXT)
      const token = await mintCustomerToken({ ...baseOptions, secret: foreignBytes })
      await expect(jwtVerify(token, SECRET_BYTES, { currentDate: NOW })).resolves.toBeTruthy()
    })

    it('takes a numeric customer ID', async () => {
      const token = await mintCustomerToken({ ...baseOptions, customerId: 7234567890123 })
      expect(decodeJwt(token).sub).toBe('my-shop/7234567890123')
    })

    it('sets exp from expiresIn in seconds', async () => {
      const token = await mintCustomerToken({ ...baseOptions, expiresIn: 600 })
      expect(decodeJwt(token).exp).toBe(NOW_SECONDS + 600)
    })

    it('sets exp from a duration string such as "15m"', async () => {
      const token = await mintCustomerToken({ ...baseOptions, expiresIn: '15m' })
      expect(decodeJwt(token).exp).toBe(NOW_SECONDS + 900)
    })

    it('accepts lifetimes up to exactly 24 hours, in whole seconds', async () => {
      for (const [expiresIn, seconds] of [[86_400, 86_400], ['1d', 86_400], ['24h', 86_400], ['1.5h', 5_400], [1, 1]] as const) {
        const token = await mintCustomerToken({ ...baseOptions, expiresIn })
        expect(decodeJwt(token).exp).toBe(NOW_SECONDS + seconds)
      }
    })

    it('uses the current time when no clock is given', async () => {
      const before = Math.floor(Date.now() / 1000)
      const { now: _ignored, ...withoutClock } = baseOptions
      const { iat } = decodeJwt(await mintCustomerToken(withoutClock))
      expect(iat).toBeGreaterThanOrEqual(before)
      expect(iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000))
    })
  })

  describe('given invalid options', () => {
    it.each([
      ['a missing shop', { shop: '' }, /"shop" is required/],
      ['a shop with a slash', { shop: 'my-shop/1' }, /"shop" must be the shop slug alone/],
      ['a missing customer ID', { customerId: '' }, /"customerId" is required/],
      ['a fractional customer ID', { customerId: 1.5 }, /"customerId" must be a non-negative whole number/],
      ['a missing kid', { kid: '' }, /"kid" is required/],
      ['an empty secret', { secret: '' }, /"secret" is empty/],
      ['an empty byte secret', { secret: new Uint8Array() }, /"secret" is empty/],
      ['a zero lifetime', { expiresIn: 0 }, /"expiresIn" must be a positive number/],
      ['a negative lifetime', { expiresIn: -60 }, /"expiresIn" must be a positive number/],
      ['an infinite lifetime', { expiresIn: Number.POSITIVE_INFINITY }, /"expiresIn" must be a positive number/],
      ['an unreadable duration', { expiresIn: 'soon' }, /"expiresIn" must be a positive number/],
      ['a lifetime of 1e12 seconds', { expiresIn: 1e12 }, /"expiresIn" is longer than 24 hours/],
      ['a lifetime of Number.MAX_VALUE', { expiresIn: Number.MAX_VALUE }, /"expiresIn" is longer than 24 hours/],
      ['a lifetime of "100000w"', { expiresIn: '100000w' }, /"expiresIn" is longer than 24 hours/],
      ['15 minutes in milliseconds', { expiresIn: 900_000 }, /"expiresIn" is longer than 24 hours \(86400 seconds; a value in milliseconds\?\)/],
      ['a day and a second', { expiresIn: 86_401 }, /"expiresIn" is longer than 24 hours/],
      ['a fractional lifetime', { expiresIn: 900.5 }, /"expiresIn" must come to whole seconds/],
      ['a fractional duration', { expiresIn: '0.5s' }, /"expiresIn" must come to whole seconds/],
      ['a shop that walks the path', { shop: '..' }, /"shop" must be the shop slug alone/],
      ['a shop with a bidi override', { shop: 'my-shop\u202e' }, /"shop" must be the shop slug alone/],
      ['a customer ID that walks into another shop', { customerId: '12/../other-shop/99' }, /"customerId" must not contain "\/"/],
      ['a customer ID with a newline', { customerId: '12\n13' }, /"customerId" must not contain "\/", control characters/],
      ['a customer ID with a NUL', { customerId: '12\u000013' }, /"customerId" must not contain/],
      ['a customer ID with a bidi override', { customerId: '12\u202e34' }, /"customerId" must not contain .*bidirectional/],
      ['a customer ID with a bidi isolate', { customerId: '12\u206634' }, /"customerId" must not contain/],
      ['a 1-byte secret', { secret: btoa('k') }, /"secret" is too short \(under 16 bytes\)/],
      ['a 15-byte secret', { secret: new Uint8Array(15).fill(7) }, /"secret" is too short/],
    ])('rejects %s with a [referral-history] message that says the fix', async (_case, override, message) => {
      const attempt = mintCustomerToken({ ...baseOptions, ...override })
      await expect(attempt).rejects.toThrow(TypeError)
      await expect(attempt).rejects.toThrow(/^\[referral-history\]/)
      await expect(attempt).rejects.toThrow(message)
    })

    it('never echoes a short secret in its message', async () => {
      const error = await mintCustomerToken({ ...baseOptions, secret: btoa('hunter2') }).catch((caught: unknown) => caught)
      expect((error as Error).message).not.toContain('hunter2')
      expect((error as Error).message).not.toContain(btoa('hunter2'))
    })

    it('reads options as own properties only (a polluted Object.prototype.expiresIn is not a lifetime)', async () => {
      Object.defineProperty(Object.prototype, 'expiresIn', { value: 1e9, configurable: true, writable: true })
      try {
        const token = await mintCustomerToken({ ...baseOptions })
        expect(decodeJwt(token).exp).toBe(NOW_SECONDS + 3600)
      } finally {
        delete (Object.prototype as Record<string, unknown>).expiresIn
      }
    })

    it('rejects a secret that is not base64 without echoing any of it', async () => {
      const secret = 'not base64! hunter2-hunter2'
      const error = await mintCustomerToken({ ...baseOptions, secret }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(TypeError)
      expect((error as Error).message).toMatch(/^\[referral-history\] "secret" is not valid base64: paste the secret/)
      expect((error as Error).message).not.toContain('hunter2')
    })
  })
})
