import Taro from '@tarojs/taro'
import { api } from '@/api/request'
import { tokensStore } from '@/store/tokens'

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
    const res = await Taro.downloadFile({ url, header: bearer() })
    if (res.statusCode !== 200) return res.statusCode
    await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
    return 200
  }
  let status = await attempt()
  if (status === 401) {
    await api.refresh()
    status = await attempt()
  }
  if (status !== 200) throw new Error(`download failed: ${status}`)
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
