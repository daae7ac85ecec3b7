/**
 * One request with a JSON body over Taro.request, as the mini program sends it. The H5 build takes
 * http.h5.ts instead (the browser's fetch), so the browser does not download Taro's request
 * polyfills (fetch, AbortController, JSONP: ~46 KB) before the home can show.
 */
import Taro from '@tarojs/taro'

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  headers: Record<string, string>
  body?: unknown
  timeoutMs: number
}

/** Resolves with whatever the server answered (any status); rejects only when no answer came back. */
export async function httpRequest(r: HttpRequest): Promise<{ status: number; data: unknown }> {
  const res = await Taro.request({
    url: r.url,
    method: r.method,
    header: r.headers,
    data: r.body as TaroGeneral.IAnyObject | undefined,
    dataType: 'json',
    timeout: r.timeoutMs,
  })
  return { status: res.statusCode, data: res.data }
}
