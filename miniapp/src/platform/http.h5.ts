/**
 * One request with a JSON body over the browser's fetch (see http.ts): the answer's JSON when it is
 * JSON, its text otherwise, as Taro.request gives them; no answer within the time is a rejection.
 */
import type { HttpRequest } from './http'

export type { HttpRequest } from './http'

export async function httpRequest(r: HttpRequest): Promise<{ status: number; data: unknown }> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort()
      reject(new Error(`no answer within ${r.timeoutMs} ms`))
    }, r.timeoutMs)
  })
  try {
    const res = await Promise.race([
      fetch(r.url, {
        method: r.method,
        headers: r.headers,
        body: r.body === undefined ? undefined : JSON.stringify(r.body),
        ...(controller ? { signal: controller.signal } : {}),
      }),
      timeout,
    ])
    const text = await Promise.race([res.text(), timeout])
    let data: unknown = text
    try {
      if (text !== '') data = JSON.parse(text)
    } catch {
      // not JSON: the text, as Taro.request leaves it
    }
    return { status: res.status, data }
  } finally {
    clearTimeout(timer)
  }
}
