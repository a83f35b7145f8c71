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
      const secret = btoa('\u00fb\u00ff\u00fe-key').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
      const token = await mintCustomerToken({ ...baseOptions, secret })
      const key = asciiBytes('\u00fb\u00ff\u00fe-key')
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
    ])('rejects %s with a [referral-history] message that says the fix', async (_case, override, message) => {
      const attempt = mintCustomerToken({ ...baseOptions, ...override })
      await expect(attempt).rejects.toThrow(TypeError)
      await expect(attempt).rejects.toThrow(/^\[referral-history\]/)
      await expect(attempt).rejects.toThrow(message)
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
