import type { ErrorInfo } from './info'

/** Real-name verification, the roster, organisations and one's own data. */
export const IDENTITY_ERRORS = {
  VERIFICATION_PENDING: { status: 409, message: '您的认证申请正在等待村委会确认' },
  VERIFICATION_ALREADY_DONE: { status: 409, message: '您已经完成了本村（社区）的实名认证' },
  VERIFICATION_NO_MATCH: {
    status: 422,
    message: '花名册里没有找到与姓名、身份证号相符的人，请核对，或联系村委会登记',
  },
  VERIFICATION_NOT_PENDING: { status: 409, message: '这条认证申请已经处理过了' },
  RESIDENT_ALREADY_LINKED: { status: 409, message: '这位居民已经绑定了其他微信账号，请联系村委会' },
  RESIDENT_CLAIM_PENDING: {
    status: 409,
    message:
      '已经有人用这位居民的信息申请了认证，正在等村委会确认。如果不是您申请的，请带上身份证到村委会说明',
  },
  ID_NUMBER_INVALID: { status: 400, message: '身份证号码不正确，请核对后重新填写' },
  ID_NUMBER_CONSENT_REQUIRED: {
    status: 403,
    message: '填写身份证号前，请先阅读并同意《同意提供身份证号》的说明',
  },
  PRIVACY_CONSENT_OUTDATED: {
    status: 409,
    message: '隐私保护指引已经更新，请重新阅读后再同意',
  },
  DATA_DELETION_PENDING: { status: 409, message: '您已经申请过删除个人信息，正在等待处理' },
  DATA_DELETION_NOT_PENDING: { status: 409, message: '这条删除申请已经处理过了' },
  PHONE_INVALID: { status: 400, message: '手机号码不正确，请填写 11 位手机号' },
  ROSTER_FILE_INVALID: { status: 400, message: '表格无法读取，请使用 .xlsx 或 .csv 格式并按模板填写表头' },
  ROSTER_FILE_TOO_LARGE: { status: 413, message: '表格太大了，一次最多导入 5000 行' },
  ROLE_NOT_ALLOWED_FOR_ORG: { status: 400, message: '这个职务不能设在这一级组织' },
  ROLE_ALREADY_HELD: { status: 409, message: '此人已经担任这个职务' },
  ORG_NOT_FOUND: { status: 404, message: '没有找到这个村（社区）' },
  ORG_NOT_A_VILLAGE: { status: 400, message: '请选择一个村或社区' },
  ORG_NOT_A_TOWNSHIP: { status: 400, message: '请选择一个乡镇或街道' },
} as const satisfies Record<string, ErrorInfo>
