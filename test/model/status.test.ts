import { KNOWN_REFERRAL_STATUSES } from '../../src/api/types'
import { en } from '../../src/i18n/en'
import { createTranslator } from '../../src/i18n/translator'
import { describeStatus } from '../../src/model/status'

const t = createTranslator(en, 'en')

describe('describeStatus', () => {
  it.each([
    ['invited', 'Invited', 'Waiting for your friend to sign up or order', 'pending'],
    ['qualified', 'Qualified', 'Your friend ordered; your reward is in its waiting period', 'pending'],
    ['approved', 'Rewarded', 'Your reward has been added to your account', 'positive'],
    ['rejected', 'Not rewarded', 'This referral did not meet the program’s conditions', 'negative'],
    ['expired', 'Expired', 'This invitation ended before it earned a reward', 'negative'],
  ])('says what %s means and what happens next', (status, label, next, tone) => {
    const meaning = describeStatus(status)
    expect(meaning.known).toBe(true)
    expect(t(meaning.labelKey)).toBe(label)
    expect(t(meaning.nextKey)).toBe(next)
    expect(meaning.tone).toBe(tone)
  })

  it('covers every documented status', () => {
    for (const status of KNOWN_REFERRAL_STATUSES) expect(describeStatus(status).known).toBe(true)
  })

  it('gives an unknown status a neutral label and never its raw code', () => {
    const meaning = describeStatus('fraud_review')
    expect(meaning).toMatchObject({ known: false, tone: 'neutral' })
    expect(t(meaning.labelKey)).toBe('In progress')
    expect(t(meaning.labelKey) + t(meaning.nextKey)).not.toContain('fraud')
  })

  it('does not treat inherited object keys as statuses', () => {
    expect(describeStatus('toString').known).toBe(false)
    expect(describeStatus('__proto__').known).toBe(false)
  })
})
