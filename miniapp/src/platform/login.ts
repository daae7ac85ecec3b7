import Taro from '@tarojs/taro'
import { PlatformProblem, errMsgOf } from './problem'

/**
 * The one-time code WeChat gives for this login (wx.login), which the server exchanges for the
 * person's openid. Fails with a plain sentence.
 */
export async function wechatLoginCode(): Promise<string> {
  let res: { code?: string }
  try {
    res = await Taro.login({ timeout: 10_000 })
  } catch (e) {
    throw new PlatformProblem('微信登录没有成功，请检查网络后再试', errMsgOf(e))
  }
  if (!res.code) throw new PlatformProblem('微信没有给出登录凭证，请重新打开小程序再试')
  return res.code
}
