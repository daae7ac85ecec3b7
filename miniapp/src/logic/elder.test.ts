import { pageClass } from './elder'

describe('pageClass', () => {
  it('marks the page root for 长辈模式 when it is on', () => {
    expect(pageClass(true)).toBe('xl-page xl-elder')
  })

  it('leaves the elder class off when it is off', () => {
    expect(pageClass(false)).toBe('xl-page')
  })

  it('keeps the page own classes and skips empty ones', () => {
    expect(pageClass(true, 'home', undefined, false, null)).toBe('xl-page xl-elder home')
  })
})
