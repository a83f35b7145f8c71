import { waitFor } from '@testing-library/react'
import { defineReferralHistoryElement, GLOBAL_NAME } from '../../src/embed/defineReferralHistoryElement'
import { ELEMENT_NAME, type ReferralHistoryGlobal } from '../../src/embed/types'

// A file of its own: the element and the global are defined once per test environment.
describe('the loader when the main chunk cannot be loaded (missing file, or blocked by script-src)', () => {
  it('logs one console error for the page that names the cause, and throws nothing into the page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const cause = new TypeError('Failed to fetch dynamically imported module: https://cdn.example/referral-history.main@0.1.0.js')
    const loadMain = vi.fn(() => Promise.reject(cause))
    defineReferralHistoryElement(loadMain, 'test', (_element, onNear) => {
      queueMicrotask(onNear)
      return () => {}
    })
    const onError = vi.fn()
    window.addEventListener('error', onError)

    const element = document.createElement(ELEMENT_NAME)
    element.setAttribute('shop', 'my-shop')
    document.body.append(element)
    const host = document.createElement('div')
    const widget = (window as unknown as Record<string, ReferralHistoryGlobal>)[GLOBAL_NAME]!.mount(host, { shop: 'my-shop' })

    await waitFor(() => expect(error).toHaveBeenCalledWith('[referral-history] Cannot load:', cause))
    // One import for the page: both widgets waited for the same one.
    expect(loadMain).toHaveBeenCalledTimes(1)
    expect(() => widget.update({ shop: 'other' })).not.toThrow()
    expect(() => widget.unmount()).not.toThrow()
    element.remove()
    await new Promise((resolve) => setTimeout(resolve, 20))
    // Removing and unmounting after the failure add nothing to the console.
    expect(error).toHaveBeenCalledTimes(1)
    expect(onError).not.toHaveBeenCalled()
    window.removeEventListener('error', onError)
  })
})
