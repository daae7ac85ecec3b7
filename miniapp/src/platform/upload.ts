import Taro from '@tarojs/taro'
import { PlatformProblem, errMsgOf } from './problem'

export interface UploadRequest {
  url: string
  filePath: string
  /** the multipart field the server reads the file from */
  field: string
  headers: Record<string, string>
  fileName?: string
  onProgress?: (percent: number) => void
}

/**
 * Sends one local file (a photo, a roster sheet) as multipart form data with wx.uploadFile, and
 * answers the server's status and JSON, as Taro.request would. A file that cannot be sent at all
 * (no network, the file gone) is a plain sentence.
 */
export async function uploadFile(req: UploadRequest): Promise<{ status: number; data: unknown }> {
  const task = Taro.uploadFile({
    url: req.url,
    filePath: req.filePath,
    name: req.field,
    header: req.headers,
    timeout: 60_000,
    ...(req.fileName ? { fileName: req.fileName } : {}),
  })
  const { onProgress } = req
  if (onProgress) task.progress((p) => onProgress(p.progress))
  let res: Taro.uploadFile.SuccessCallbackResult
  try {
    res = await task
  } catch (e) {
    throw new PlatformProblem('文件没有传上去，请检查网络后再试', errMsgOf(e))
  }
  let data: unknown = res.data
  if (typeof res.data === 'string') {
    try {
      data = JSON.parse(res.data)
    } catch {
      data = res.data
    }
  }
  return { status: res.statusCode, data }
}
