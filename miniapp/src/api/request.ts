/**
 * The Taro side of the request layer: Taro.request (fetch on H5) / Taro.uploadFile as the transport, tokens in Taro
 * storage, errors as a toast (or a dialog when the sentence is long), and the login page when the
 * session is over. Everything else lives in `core.ts`.
 */
import Taro from '@tarojs/taro'
import { httpRequest } from '@/platform/http'
import { uploadFile } from '@/platform/upload'
import { ROUTES } from '@/routes'
import { tokenStore } from '@/store/tokens'
import { makeCall } from './call'
import { createApiCore, type ApiError, type Transport } from './core'

const TIMEOUT_MS = 15_000

const taroTransport: Transport = async (req) => {
  if (req.upload) {
    const { upload } = req
    return uploadFile({
      url: req.url,
      filePath: upload.filePath,
      field: upload.field,
      headers: req.headers,
      ...(upload.fileName ? { fileName: upload.fileName } : {}),
      ...(upload.onProgress ? { onProgress: upload.onProgress } : {}),
    })
  }
  return httpRequest({
    url: req.url,
    method: req.method,
    headers: req.headers,
    body: req.body,
    timeoutMs: TIMEOUT_MS,
  })
}

/** A short sentence fits a toast; a long one would be cut off on a small phone, so it gets a dialog. */
export function showProblem(message: string): void {
  if (Array.from(message).length <= 18) {
    void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
  } else {
    void Taro.showModal({ title: '提示', content: message, showCancel: false, confirmText: '知道了' })
  }
}

let goingToLogin = false
function goToLogin(error: ApiError) {
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]?.route ?? ''
  if (goingToLogin || `/${current}`.startsWith(ROUTES.login)) return
  goingToLogin = true
  showProblem(error.message)
  void Taro.reLaunch({ url: ROUTES.login }).finally(() => {
    goingToLogin = false
  })
}

export const api = createApiCore({
  baseUrl: API_BASE,
  transport: taroTransport,
  tokens: tokenStore,
  onSessionEnded: goToLogin,
  onError: (error) => showProblem(error.message),
})
export const call = makeCall(api)
