import { request, type APIRequestContext } from 'playwright-core'

export type Method = 'GET' | 'POST' | 'PATCH'

/**
 * The API beside the browser, for what a test sets up or checks without the page: a demo person's
 * token, a call as them, and the id of the demo village 柳林村.
 */
export interface DemoApi {
  tokenOf(key: string): Promise<string>
  call<T>(token: string, method: Method, path: string, data?: unknown): Promise<{ status: number; body: T }>
  villageId(): Promise<number>
  dispose(): Promise<void>
}

export async function demoApi(baseURL: string): Promise<DemoApi> {
  const http: APIRequestContext = await request.newContext({ baseURL })
  const tokenOf = async (key: string): Promise<string> => {
    const res = await http.post('/api/auth/demo', { data: { key } })
    if (res.status() !== 200) throw new Error(`demo login ${key}: ${res.status()}`)
    return ((await res.json()) as { accessToken: string }).accessToken
  }
  const call = async <T>(token: string, method: Method, path: string, data: unknown = {}) => {
    const res = await http.fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}` },
      data: method === 'GET' ? undefined : data,
    })
    return { status: res.status(), body: (await res.json()) as T }
  }
  const villageId = async (): Promise<number> => {
    const me = await call<{ memberships: { orgId: number; orgName: string }[] }>(
      await tokenOf('resident'),
      'GET',
      '/api/me',
    )
    return me.body.memberships.find((m) => m.orgName === '柳林村')!.orgId
  }
  return { tokenOf, call, villageId, dispose: () => http.dispose() }
}
