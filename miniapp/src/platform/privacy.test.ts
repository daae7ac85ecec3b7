import { fakeWx } from '@/test/fakeWx'
import {
  PRIVACY_AGREE_BUTTON_ID,
  answerPrivacy,
  onPrivacyAsk,
  privacyAsked,
  resetPrivacy,
  watchPrivacyAuthorization,
} from './privacy'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())

const wx = fakeWx()
const taroEnv = process.env.TARO_ENV
beforeEach(() => {
  wx.reset()
  resetPrivacy()
  process.env.TARO_ENV = 'weapp'
})
afterAll(() => {
  if (taroEnv === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV')
  else process.env.TARO_ENV = taroEnv
})

describe('WeChat’s privacy authorisation', () => {
  it('registers one handler, shows the popup when WeChat asks, and answers agree with the button’s id', () => {
    watchPrivacyAuthorization()
    watchPrivacyAuthorization()
    expect(wx.callsOf('onNeedPrivacyAuthorization')).toHaveLength(1)
    const shown: boolean[] = []
    onPrivacyAsk((asking) => shown.push(asking))
    const resolve = jest.fn()
    wx.emit('onNeedPrivacyAuthorization', resolve, { referrer: 'chooseLocation' })
    expect(privacyAsked()).toBe(true)
    answerPrivacy(true)
    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
    expect(shown).toEqual([true, false])
    expect(privacyAsked()).toBe(false)
  })

  it('answers disagree when the person declines, once', () => {
    watchPrivacyAuthorization()
    const resolve = jest.fn()
    wx.emit('onNeedPrivacyAuthorization', resolve)
    answerPrivacy(false)
    answerPrivacy(false)
    expect(resolve).toHaveBeenCalledTimes(1)
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
  })

  it('declines an earlier ask still open when WeChat asks again, and answers the newest', () => {
    watchPrivacyAuthorization()
    const first = jest.fn()
    const second = jest.fn()
    wx.emit('onNeedPrivacyAuthorization', first)
    wx.emit('onNeedPrivacyAuthorization', second)
    expect(first).toHaveBeenCalledWith({ event: 'disagree' })
    answerPrivacy(true)
    expect(second).toHaveBeenCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
  })

  it('registers nothing in the browser build', () => {
    process.env.TARO_ENV = 'h5'
    watchPrivacyAuthorization()
    expect(wx.calls).toEqual([])
  })
})
