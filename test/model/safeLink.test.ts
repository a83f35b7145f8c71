import { safeHref, safeLink } from '../../src/model/safeLink'

describe('safeLink', () => {
  it('accepts http and https URLs', () => {
    expect(safeLink('https://shop.example/coupon?c=SAVE10')).toBe('https://shop.example/coupon?c=SAVE10')
    expect(safeLink('http://shop.example/')).toBe('http://shop.example/')
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:someone@example.com',
  ])('refuses %j', (url) => {
    expect(safeLink(url)).toBeNull()
  })

  it('refuses relative URLs, which have no meaning for a URL from the API', () => {
    expect(safeLink('/pages/refer')).toBeNull()
    expect(safeLink('pages/refer')).toBeNull()
  })

  it('refuses missing and unparseable values', () => {
    expect(safeLink(null)).toBeNull()
    expect(safeLink('')).toBeNull()
    expect(safeLink('http://')).toBeNull()
  })
})

describe('safeHref', () => {
  it('accepts relative references for integrator-configured links', () => {
    expect(safeHref('/pages/refer')).toBe('/pages/refer')
    expect(safeHref('refer?from=history')).toBe('refer?from=history')
  })

  it('accepts absolute http(s) URLs', () => {
    expect(safeHref('https://shop.example/refer')).toBe('https://shop.example/refer')
  })

  it('refuses script and data URLs, however they are disguised', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref('  javascript:alert(1)')).toBeNull()
    expect(safeHref('java\nscript:alert(1)')).toBeNull()
    expect(safeHref('data:text/html,hi')).toBeNull()
  })

  it('refuses empty values', () => {
    expect(safeHref(undefined)).toBeNull()
    expect(safeHref('   ')).toBeNull()
  })
})
