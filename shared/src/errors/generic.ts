import type { ErrorInfo } from './info'

/** Requests that cannot be read or served, whatever the feature. */
export const GENERIC_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查后再提交' },
  NOT_FOUND: { status: 404, message: '没有找到相关内容，可能已被删除' },
  INTERNAL: { status: 500, message: '系统出了点问题，请稍后再试' },
  RATE_LIMITED: { status: 429, message: '操作太频繁了，请稍等一会儿再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '文件太大了，请换一个小一点的文件' },
  UNSUPPORTED_FILE: { status: 415, message: '不支持这种文件格式' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '上一次提交还在处理中，请稍候' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '这次提交与之前的内容不一致，请重新提交' },
  BAD_REQUEST: { status: 400, message: '请求无法识别，请刷新页面或重新打开小程序后再试' },
  URL_TOO_LONG: { status: 414, message: '链接太长了，请检查链接是否完整、正确' },
  HEADERS_TOO_LARGE: { status: 431, message: '请求带的信息太多了，请清除浏览器缓存或重新打开小程序后再试' },
  REQUEST_TIMEOUT: { status: 408, message: '网络太慢，请求没有按时送到，请稍后再试' },
} as const satisfies Record<string, ErrorInfo>
