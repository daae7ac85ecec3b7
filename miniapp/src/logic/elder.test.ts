import { elderModeAfterLogin, initialElderMode, pageClass, prefersLargeText } from './elder'

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

describe('WeChat font size', () => {
  it('takes the standard size and one step up as normal text', () => {
    expect(prefersLargeText(17)).toBe(false)
    expect(prefersLargeText(19)).toBe(false)
  })

  it('takes the large sizes and 关怀模式 as a wish for large text', () => {
    expect(prefersLargeText(20)).toBe(true)
    expect(prefersLargeText(23.8)).toBe(true)
  })

  it('knows nothing on a platform that does not say (H5)', () => {
    expect(prefersLargeText(undefined)).toBe(false)
    expect(prefersLargeText(null)).toBe(false)
  })
})

describe('initialElderMode', () => {
  it('turns 长辈模式 on at first launch when WeChat shows large text', () => {
    expect(initialElderMode(null, 22)).toBe(true)
  })

  it('leaves it off at first launch with the standard font', () => {
    expect(initialElderMode(null, 17)).toBe(false)
  })

  it('keeps what the person chose on this phone over the font size', () => {
    expect(initialElderMode(false, 24)).toBe(false)
    expect(initialElderMode(true, 17)).toBe(true)
  })
})

describe('elderModeAfterLogin', () => {
  it('follows the server when nothing was chosen before logging in', () => {
    expect(elderModeAfterLogin(true, null)).toEqual({ on: true, tellServer: false })
    expect(elderModeAfterLogin(false, null)).toEqual({ on: false, tellServer: false })
  })

  it('keeps a choice made before logging in and tells the server', () => {
    expect(elderModeAfterLogin(false, true)).toEqual({ on: true, tellServer: true })
    expect(elderModeAfterLogin(true, false)).toEqual({ on: false, tellServer: true })
  })

  it('does not write to the server when it already agrees', () => {
    expect(elderModeAfterLogin(true, true)).toEqual({ on: true, tellServer: false })
  })
})
