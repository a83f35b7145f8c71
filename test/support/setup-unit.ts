import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { mockApiServer, testApi } from './mockApiServer'

// Every unit test talks to the one mock Bubblehouse API through msw; an unmocked request fails.
beforeAll(() => mockApiServer.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  mockApiServer.resetHandlers()
  // Forget the request log and the *-once counters, so every test starts with a fresh API.
  testApi.reset()
})
afterAll(() => mockApiServer.close())
