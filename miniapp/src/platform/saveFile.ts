import Taro from '@tarojs/taro'
import { api } from '@/api/request'
import { tokensStore } from '@/store/tokens'
import { PlatformProblem, errMsgOf, isCancel } from './problem'
import { statusProblem } from './openDocument'

const bearer = (): Record<string, string> => {
  const token = tokensStore.get()?.accessToken
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** How a saved file reached the person. */
export type SavedHow = 'downloaded' | 'shared' | 'copied' | 'cancelled'

/**
 * Hands the person a file the API serves only with the login token (我的数据 as JSON), for them to
 * keep. Browser: saved under `fileName`. WeChat: downloaded with the token (wx.downloadFile), then
 * sent to a chat of their choosing (wx.shareFileMessage: 文件传输助手 keeps it), since WeChat's
 * viewer opens no JSON; where WeChat cannot send files, `copyText` is put on the clipboard instead.
 * A token that ran out is refreshed once.
 */
export async function saveProtectedFile(
  path: string,
  fileName: string,
  copyText: () => Promise<string>,
): Promise<SavedHow> {
  const url = `${API_BASE}${path}`
  const attempt = async (): Promise<number | SavedHow> => {
    if (process.env.TARO_ENV === 'h5') {
      const res = await fetch(url, { headers: bearer() })
      if (res.status !== 200) return res.status
      const blobUrl = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = blobUrl
      a.download = fileName
      document.body.appendChild(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000)
      return 'downloaded'
    }
    return shareOnWeapp(url, fileName, bearer(), copyText)
  }
  let got = await attempt()
  if (got === 401) {
    await api.refresh()
    got = await attempt()
  }
  if (typeof got === 'number') throw new PlatformProblem(statusProblem(got))
  return got
}

/** WeChat's half of saveProtectedFile: the HTTP status when the server refused, else how it went. */
export async function shareOnWeapp(
  url: string,
  fileName: string,
  header: Record<string, string>,
  copyText: () => Promise<string>,
): Promise<number | SavedHow> {
  let res: Taro.downloadFile.FileSuccessCallbackResult
  try {
    res = await Taro.downloadFile({ url, header })
  } catch (e) {
    throw new PlatformProblem('文件没有下载下来，请检查网络后再试', errMsgOf(e))
  }
  if (res.statusCode !== 200) return res.statusCode
  try {
    await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName })
    return 'shared'
  } catch (e) {
    if (isCancel(e)) return 'cancelled'
  }
  // an older WeChat, or a PC one: the text itself, to paste where they keep things
  try {
    await Taro.setClipboardData({ data: await copyText() })
    return 'copied'
  } catch (e) {
    throw new PlatformProblem('没能保存，请稍后再试', errMsgOf(e))
  }
}
