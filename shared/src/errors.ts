/**
 * Every failure the API can answer with. The miniapp switches on `code`, never on the text.
 * Messages are written for a villager reading them on a phone: plain words, what to do next.
 */
export const ErrorCode = {
  // generic
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  INTERNAL: 'INTERNAL',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_FILE: 'UNSUPPORTED_FILE',
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  // authentication
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  AUTH_TOKEN_EXPIRED: 'AUTH_TOKEN_EXPIRED',
  AUTH_TOKEN_INVALID: 'AUTH_TOKEN_INVALID',
  AUTH_REFRESH_INVALID: 'AUTH_REFRESH_INVALID',
  AUTH_REFRESH_REUSED: 'AUTH_REFRESH_REUSED',
  DEMO_DISABLED: 'DEMO_DISABLED',
  WECHAT_LOGIN_FAILED: 'WECHAT_LOGIN_FAILED',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  // authorisation
  FORBIDDEN: 'FORBIDDEN',
  NOT_VERIFIED: 'NOT_VERIFIED',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  // identity and roster
  VERIFICATION_PENDING: 'VERIFICATION_PENDING',
  VERIFICATION_ALREADY_DONE: 'VERIFICATION_ALREADY_DONE',
  VERIFICATION_NO_MATCH: 'VERIFICATION_NO_MATCH',
  VERIFICATION_NOT_PENDING: 'VERIFICATION_NOT_PENDING',
  RESIDENT_ALREADY_LINKED: 'RESIDENT_ALREADY_LINKED',
  ID_NUMBER_INVALID: 'ID_NUMBER_INVALID',
  PHONE_INVALID: 'PHONE_INVALID',
  ROSTER_FILE_INVALID: 'ROSTER_FILE_INVALID',
  ROSTER_FILE_TOO_LARGE: 'ROSTER_FILE_TOO_LARGE',
  ROLE_NOT_ALLOWED_FOR_ORG: 'ROLE_NOT_ALLOWED_FOR_ORG',
  ROLE_ALREADY_HELD: 'ROLE_ALREADY_HELD',
  ORG_NOT_FOUND: 'ORG_NOT_FOUND',
  ORG_NOT_A_VILLAGE: 'ORG_NOT_A_VILLAGE',
} as const

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export interface ErrorInfo {
  status: number
  message: string
}

export const ERRORS: Record<ErrorCode, ErrorInfo> = {
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查后再提交' },
  NOT_FOUND: { status: 404, message: '没有找到相关内容，可能已被删除' },
  INTERNAL: { status: 500, message: '系统出了点问题，请稍后再试' },
  RATE_LIMITED: { status: 429, message: '操作太频繁了，请稍等一会儿再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '文件太大了，请换一个小一点的文件' },
  UNSUPPORTED_FILE: { status: 415, message: '不支持这种文件格式' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '上一次提交还在处理中，请稍候' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '这次提交与之前的内容不一致，请重新提交' },
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  AUTH_TOKEN_INVALID: { status: 401, message: '登录信息无效，请重新登录' },
  AUTH_REFRESH_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  AUTH_REFRESH_REUSED: { status: 401, message: '账号在别处使用过旧的登录凭证，为了安全已退出，请重新登录' },
  DEMO_DISABLED: { status: 403, message: '演示登录未开启' },
  WECHAT_LOGIN_FAILED: { status: 401, message: '微信登录失败，请重新打开小程序再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '暂时连不上微信服务，请稍后再试' },
  FORBIDDEN: { status: 403, message: '您没有权限做这件事' },
  NOT_VERIFIED: { status: 403, message: '请先完成实名认证，认证前只能查看公开信息' },
  OUT_OF_SCOPE: { status: 403, message: '这不是您所在村（社区）的事务，无法操作' },
  VERIFICATION_PENDING: { status: 409, message: '您的认证申请正在等待村委会确认' },
  VERIFICATION_ALREADY_DONE: { status: 409, message: '您已经完成了本村（社区）的实名认证' },
  VERIFICATION_NO_MATCH: {
    status: 422,
    message: '花名册里没有找到与姓名、身份证号相符的人，请核对，或联系村委会登记',
  },
  VERIFICATION_NOT_PENDING: { status: 409, message: '这条认证申请已经处理过了' },
  RESIDENT_ALREADY_LINKED: { status: 409, message: '这位居民已经绑定了其他微信账号，请联系村委会' },
  ID_NUMBER_INVALID: { status: 400, message: '身份证号码不正确，请核对后重新填写' },
  PHONE_INVALID: { status: 400, message: '手机号码不正确，请填写 11 位手机号' },
  ROSTER_FILE_INVALID: { status: 400, message: '表格无法读取，请使用 .xlsx 或 .csv 格式并按模板填写表头' },
  ROSTER_FILE_TOO_LARGE: { status: 413, message: '表格太大了，一次最多导入 5000 行' },
  ROLE_NOT_ALLOWED_FOR_ORG: { status: 400, message: '这个职务不能设在这一级组织' },
  ROLE_ALREADY_HELD: { status: 409, message: '此人已经担任这个职务' },
  ORG_NOT_FOUND: { status: 404, message: '没有找到这个村（社区）' },
  ORG_NOT_A_VILLAGE: { status: 400, message: '请选择一个村或社区' },
}

/** The one error body every failing response carries. */
export interface ApiErrorBody {
  code: ErrorCode
  message: string
  details?: unknown
  requestId: string
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value)
}
