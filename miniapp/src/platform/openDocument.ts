import Taro from '@tarojs/taro'
import { api } from '@/api/request'
import { tokensStore } from '@/store/tokens'
import { PlatformProblem, errMsgOf } from './problem'

const bearer = (): Record<string, string> => {
  const token = tokensStore.get()?.accessToken
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/**
 * Opens a file the API serves only with the login token (a certificate PDF, the register .xlsx).
 * WeChat: downloadFile with the token, then its document viewer (which can forward or save it).
 * Browser: fetched with the token; a PDF opens in a new tab, anything else (or a blocked tab) is saved
 * under `fileName`.
 * A token that ran out is refreshed once.
 */
export async function openProtectedFile(
  path: string,
  fileType: 'pdf' | 'xlsx',
  fileName: string,
): Promise<void> {
  const url = `${API_BASE}${path}`
  const attempt = async (): Promise<number> => {
    if (process.env.TARO_ENV === 'h5') {
      const res = await fetch(url, { headers: bearer() })
      if (res.status !== 200) return res.status
      const blobUrl = URL.createObjectURL(await res.blob())
      // a PDF opens in a new tab where the browser allows it (some block a tab opened after a wait);
      // otherwise, and for a spreadsheet, it is saved
      const opened = fileType === 'pdf' ? window.open(blobUrl, '_blank') : null
      if (!opened) {
        const a = document.createElement('a')
        a.href = blobUrl
        a.download = fileName
        document.body.appendChild(a)
        a.click()
        a.remove()
      }
      setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000)
      return 200
    }
    return openOnWeapp(url, fileType, bearer())
  }
  let status = await attempt()
  if (status === 401) {
    await api.refresh()
    status = await attempt()
  }
  if (status !== 200) throw new PlatformProblem(statusProblem(status))
}

/** What a refused download means to the person. */
export function statusProblem(status: number): string {
  if (status === 401) return '登录已过期，请重新登录后再打开'
  if (status === 403) return '您没有权限打开这个文件'
  if (status === 404) return '文件已经不在了，请刷新后再试'
  return '文件没有下载下来，请稍后再试'
}

/**
 * WeChat: the file is downloaded with the login token (wx.downloadFile; the server's address must be a
 * 合法域名 for downloads) and shown in WeChat's viewer (wx.openDocument, which can also forward or
 * save it). Answers the download's HTTP status; a phone that cannot download or show it at all is a
 * plain sentence.
 */
export async function openOnWeapp(
  url: string,
  fileType: 'pdf' | 'xlsx',
  header: Record<string, string>,
): Promise<number> {
  let res: Taro.downloadFile.FileSuccessCallbackResult
  try {
    res = await Taro.downloadFile({ url, header })
  } catch (e) {
    throw new PlatformProblem('文件没有下载下来，请检查网络后再试', errMsgOf(e))
  }
  if (res.statusCode !== 200) return res.statusCode
  try {
    await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
  } catch (e) {
    throw new PlatformProblem('文件已下载，但手机打不开它，请更新微信后再试', errMsgOf(e))
  }
  return 200
}

/**
 * In the browser: a file the API serves only with the login token, as a blob: URL an <Image> can
 * show (the caller revokes it); null when it could not be had. A token that ran out is refreshed once.
 */
export async function protectedBlobUrl(path: string): Promise<string | null> {
  const get = () => fetch(`${API_BASE}${path}`, { headers: bearer() })
  let res = await get()
  if (res.status === 401) {
    await api.refresh()
    res = await get()
  }
  return res.status === 200 ? URL.createObjectURL(await res.blob()) : null
}
