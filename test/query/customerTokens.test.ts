import { mintMockCustomerToken } from '../../src/mock-api'
import { obtainToken } from '../../src/query/customerTokens'

describe('obtainToken', () => {
  it('drops a token that a getToken ignoring the signal returns after the abort', async () => {
    const token = await mintMockCustomerToken('typical')
    let answer: (token: string) => void = () => {}
    const controller = new AbortController()
    const obtained = obtainToken(() => new Promise<string>((resolve) => (answer = resolve)), controller.signal)
    const reason = new Error('the widget went away')
    controller.abort(reason)
    answer(token)
    await expect(obtained).rejects.toBe(reason)
  })

  it('returns the token the source gives while nothing aborted', async () => {
    const token = await mintMockCustomerToken('typical')
    await expect(obtainToken(() => token, new AbortController().signal)).resolves.toBe(token)
  })
})
