import { ERRORS } from '@xiangli/shared'
import type { TestApp } from './app'

/** The answer is the refusal `code`: its status and a message in plain Chinese. */
export function expectError(res: { status: number; body: any }, code: keyof typeof ERRORS): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status: ERRORS[code].status, code })
  expect(res.body.message).toEqual(expect.stringMatching(/[\u4e00-\u9fff]/))
}

/**
 * GET and POST under a base path, the app and the path read when called (both are known only
 * after beforeAll), with the caller's token first: `post(secretary, '/12/steps/propose')`.
 */
export function under(app: () => TestApp, base: () => string) {
  return {
    post: (token: string, path: string, body: unknown = {}) =>
      app().request({ method: 'POST', url: `${base()}${path}`, token, body }),
    get: (token: string, path: string) => app().request({ method: 'GET', url: `${base()}${path}`, token }),
  }
}
