/**
 * A fake of the WeChat API (`wx`, and Taro's promise wrappers of it) for testing the platform code
 * without WeChat. Every call is recorded with its options; a test says how each API answers next:
 * `succeed(result)`, `fail(errMsg)` or `cancel()` (WeChat's "…:fail cancel"). An API no test
 * scripted fails as WeChat does for an unknown one, so nothing passes by accident.
 *
 * Use it as the `@tarojs/taro` module:
 *   jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())
 * and `fakeWx()` in the test to script and read it. `wx` itself is on globalThis while installed.
 */

export interface WxCall {
  api: string
  options: Record<string, unknown>
}

type Outcome =
  { kind: 'ok'; result: Record<string, unknown> } | { kind: 'fail'; errMsg: string } | { kind: 'pending' }

/** A progress listener a task (uploadFile, downloadFile) had registered, for a test to drive. */
type Progress = (p: { progress: number; totalBytesSent?: number; totalBytesExpectedToSend?: number }) => void

export class FakeWx {
  readonly calls: WxCall[] = []
  private readonly scripts = new Map<string, Outcome[]>()
  private readonly progressListeners = new Map<string, Progress[]>()
  /** handlers the code registered with wx.onXxx, by the API's name */
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>()

  /** The next call of `api` succeeds with `result` (errMsg `<api>:ok` is added). */
  succeed(api: string, result: Record<string, unknown> = {}): this {
    return this.push(api, { kind: 'ok', result: { errMsg: `${api}:ok`, ...result } })
  }
  /** The next call of `api` fails with `<api>:fail <reason>`. */
  fail(api: string, reason: string): this {
    return this.push(api, { kind: 'fail', errMsg: `${api}:fail ${reason}` })
  }
  /** The person closed what `api` showed without choosing. */
  cancel(api: string): this {
    return this.fail(api, 'cancel')
  }
  /** The next call of `api` never answers (a test checks what happens meanwhile). */
  hang(api: string): this {
    return this.push(api, { kind: 'pending' })
  }

  callsOf(api: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.api === api).map((c) => c.options)
  }
  apis(): string[] {
    return this.calls.map((c) => c.api)
  }

  /** Reports upload or download progress to what the code registered on the task of `api`. */
  progress(api: string, percent: number): void {
    for (const l of this.progressListeners.get(api) ?? []) l({ progress: percent })
  }

  /** Fires what the code registered with `wx.<api>` (e.g. onNeedPrivacyAuthorization). */
  emit(api: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(api) ?? []) l(...args)
  }

  reset(): void {
    this.calls.length = 0
    this.scripts.clear()
    this.progressListeners.clear()
    this.listeners.clear()
  }

  private push(api: string, o: Outcome): this {
    this.scripts.set(api, [...(this.scripts.get(api) ?? []), o])
    return this
  }

  /** A wx/Taro API: records the call, answers by the script through the promise and the callbacks. */
  invoke(
    api: string,
    options: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> & {
    progress: (l: Progress) => void
    onProgressUpdate: (l: Progress) => void
  } {
    this.calls.push({ api, options })
    const queue = this.scripts.get(api) ?? []
    const outcome: Outcome = queue.shift() ?? { kind: 'fail', errMsg: `${api}:fail not scripted in the test` }
    const cb = options as {
      success?: (r: unknown) => void
      fail?: (e: unknown) => void
      complete?: (r: unknown) => void
    }
    const promise = new Promise<Record<string, unknown>>((resolve, reject) => {
      if (outcome.kind === 'pending') return
      // WeChat answers after the call returns, never inside it
      setTimeout(() => {
        if (outcome.kind === 'ok') {
          cb.success?.(outcome.result)
          cb.complete?.(outcome.result)
          resolve(outcome.result)
        } else {
          const err = { errMsg: outcome.errMsg }
          cb.fail?.(err)
          cb.complete?.(err)
          reject(err)
        }
      }, 0)
    })
    const onProgress = (l: Progress) => {
      this.progressListeners.set(api, [...(this.progressListeners.get(api) ?? []), l])
    }
    return Object.assign(promise, { progress: onProgress, onProgressUpdate: onProgress })
  }
}

let current: FakeWx | null = null

/** The fake the mocked module answers from (made on first use, kept across a test file). */
export function fakeWx(): FakeWx {
  current ??= new FakeWx()
  return current
}

const ON = /^on[A-Z]/

/**
 * What `jest.mock('@tarojs/taro', …)` should return: every Taro.xxx(options) is the fake's API of that
 * name, every Taro.onXxx(listener) is recorded for `emit`. `wx` is the same object on globalThis.
 */
export function taroModule(): { __esModule: true; default: Record<string, unknown> } {
  const wx = fakeWx()
  const api = new Proxy({} as Record<string, unknown>, {
    get(_, name) {
      if (typeof name !== 'string' || name === 'then') return undefined
      if (ON.test(name))
        return (listener: (...args: unknown[]) => void) => {
          wx.calls.push({ api: name, options: {} })
          wx.listeners.set(name, [...(wx.listeners.get(name) ?? []), listener])
        }
      return (options?: Record<string, unknown>) => wx.invoke(name, options ?? {})
    },
  })
  ;(globalThis as { wx?: unknown }).wx = api
  return { __esModule: true, default: api }
}
