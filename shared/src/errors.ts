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
  ORG_NOT_A_TOWNSHIP: 'ORG_NOT_A_TOWNSHIP',
  // residents' issues (村民说事)
  GRIEVANCE_NOT_ACCEPTED: 'GRIEVANCE_NOT_ACCEPTED',
  GRIEVANCE_ALREADY_ACCEPTED: 'GRIEVANCE_ALREADY_ACCEPTED',
  GRIEVANCE_ALREADY_ANSWERED: 'GRIEVANCE_ALREADY_ANSWERED',
  GRIEVANCE_NOT_ANSWERED: 'GRIEVANCE_NOT_ANSWERED',
  GRIEVANCE_ALREADY_RATED: 'GRIEVANCE_ALREADY_RATED',
  GRIEVANCE_DECLINED: 'GRIEVANCE_DECLINED',
  GRIEVANCE_AT_TOWNSHIP: 'GRIEVANCE_AT_TOWNSHIP',
  GRIEVANCE_NOT_ESCALATED: 'GRIEVANCE_NOT_ESCALATED',
  GRIEVANCE_CHANGED: 'GRIEVANCE_CHANGED',
  GRIEVANCE_NOT_YOURS: 'GRIEVANCE_NOT_YOURS',
  GRIEVANCE_REOPEN_USED: 'GRIEVANCE_REOPEN_USED',
  GRIEVANCE_REOPEN_EXPIRED: 'GRIEVANCE_REOPEN_EXPIRED',
  GRIEVANCE_OWN_SUPPORT: 'GRIEVANCE_OWN_SUPPORT',
  GRIEVANCE_CATEGORY_INVALID: 'GRIEVANCE_CATEGORY_INVALID',
  GRIEVANCE_PHOTO_INVALID: 'GRIEVANCE_PHOTO_INVALID',
  GRIEVANCE_ASSIGNEE_INVALID: 'GRIEVANCE_ASSIGNEE_INVALID',
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
  ORG_NOT_A_TOWNSHIP: { status: 400, message: '请选择一个乡镇或街道' },
  GRIEVANCE_NOT_ACCEPTED: { status: 409, message: '这件事还没有受理，请先受理再交办或答复' },
  GRIEVANCE_ALREADY_ACCEPTED: { status: 409, message: '这件事已经受理过了' },
  GRIEVANCE_ALREADY_ANSWERED: { status: 409, message: '这件事已经答复过了' },
  GRIEVANCE_NOT_ANSWERED: { status: 409, message: '这件事还没有答复，答复后才能评价或重新提出' },
  GRIEVANCE_ALREADY_RATED: { status: 409, message: '您已经评价过了' },
  GRIEVANCE_DECLINED: { status: 409, message: '这件事已经不予受理，不能再办理' },
  GRIEVANCE_AT_TOWNSHIP: { status: 409, message: '这件事已经上报乡镇（街道），请等乡镇答复或退回' },
  GRIEVANCE_NOT_ESCALATED: { status: 409, message: '这件事没有上报到乡镇（街道）' },
  GRIEVANCE_CHANGED: { status: 409, message: '这件事刚刚有了新进展，请刷新后再看' },
  GRIEVANCE_NOT_YOURS: { status: 403, message: '这不是您提出的事，不能评价、重新提出或留言' },
  GRIEVANCE_REOPEN_USED: { status: 409, message: '每件事只能重新提出一次。如仍不满意，请联系村委会或乡镇' },
  GRIEVANCE_REOPEN_EXPIRED: { status: 409, message: '答复已超过 7 天，不能再重新提出，可以另提一件' },
  GRIEVANCE_OWN_SUPPORT: { status: 409, message: '这是您自己提出的事，不需要再点“我也遇到”' },
  GRIEVANCE_CATEGORY_INVALID: { status: 400, message: '请从列表里选择一个分类' },
  GRIEVANCE_PHOTO_INVALID: { status: 400, message: '有照片没有上传成功，请删掉后重新添加' },
  GRIEVANCE_ASSIGNEE_INVALID: { status: 400, message: '只能交给本村（社区）的两委成员办理' },
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
