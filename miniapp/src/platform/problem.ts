/**
 * What the WeChat APIs fail with, said plainly. WeChat rejects with `{ errMsg: '<api>:fail <why>' }`;
 * the person closing a picker is `…:fail cancel` and is not a problem at all.
 */
export class PlatformProblem extends Error {
  constructor(
    message: string,
    readonly errMsg: string | null = null,
  ) {
    super(message)
    this.name = 'PlatformProblem'
  }
}

export const errMsgOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : String(e)

/** The person closed the picker, map or dialog without choosing. */
export const isCancel = (e: unknown): boolean => /cancel/i.test(errMsgOf(e))

/** WeChat refused because the person (or the 隐私保护指引) did not allow it. */
export const isDenied = (e: unknown): boolean =>
  /auth deny|auth denied|authorize|privacy|permission/i.test(errMsgOf(e))
