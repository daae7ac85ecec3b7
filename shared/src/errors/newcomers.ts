import type { ErrorInfo } from './info'

/** 流动人口 / 非户籍居民: applying to live on the roster, residence status, declaration and admission. */
export const NEWCOMER_ERRORS = {
  NEWCOMER_ALREADY_ON_ROSTER: {
    status: 409,
    message: '您已经在本村（社区）的花名册上了，请用“实名认证”认证身份，不需要再申请登记',
  },
  NEWCOMER_PENDING: { status: 409, message: '您的登记申请正在等待村委会审核，请不要重复提交' },
  NEWCOMER_NOT_PENDING: { status: 409, message: '这份申请已经处理过了' },
  NEWCOMER_PROOF_INVALID: {
    status: 422,
    message: '住址证明的照片没有找到，请重新拍照上传后再提交',
  },
  NEWCOMER_DATE_INVALID: { status: 422, message: '日期不对：请选择一个不晚于今天的日期' },
  NEWCOMER_SINCE_REQUIRED: { status: 422, message: '非户籍常住的居民请选择开始在本村居住的日期' },
  NEWCOMER_ADMISSION_NOT_NEEDED: {
    status: 409,
    message: '只有户籍不在本村的常住居民需要村民会议或村民代表会议同意参加表决',
  },
  NEWCOMER_ADMISSION_TOO_SOON: {
    status: 422,
    message: '按村民委员会组织法第十三条，户籍不在本村的居民在本村居住满一年以上，才能经会议同意参加选举',
  },
  NEWCOMER_NOT_AWAY: { status: 409, message: '只有户籍在本村、住在外地的村民需要登记是否参加表决' },
} as const satisfies Record<string, ErrorInfo>
