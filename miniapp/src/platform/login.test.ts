import { fakeWx } from '@/test/fakeWx'
import { wechatLoginCode } from './login'
import { PlatformProblem } from './problem'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())

const wx = fakeWx()
beforeEach(() => wx.reset())

describe('the WeChat login code', () => {
  it('is the code wx.login gives', async () => {
    wx.succeed('login', { code: 'c0de' })
    await expect(wechatLoginCode()).resolves.toBe('c0de')
    expect(wx.apis()).toEqual(['login'])
  })

  it('fails with a plain sentence when wx.login fails', async () => {
    wx.fail('login', 'timeout')
    const e = await wechatLoginCode().catch((x: unknown) => x)
    expect(e).toBeInstanceOf(PlatformProblem)
    expect(e).toMatchObject({ message: '微信登录没有成功，请检查网络后再试', errMsg: 'login:fail timeout' })
  })

  it('fails plainly when WeChat answers without a code', async () => {
    wx.succeed('login', {})
    await expect(wechatLoginCode()).rejects.toThrow('微信没有给出登录凭证，请重新打开小程序再试')
  })
})
