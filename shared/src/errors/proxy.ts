import type { ErrorInfo } from './info'

/** 代办: filing for a resident. */
export const PROXY_ERRORS = {
  PROXY_CONSENT_MISSING: {
    status: 422,
    message: '代办需要本人同意：请拍下本人签字的授权书，或请本人在手机上输入姓名并勾选同意',
  },
  PROXY_CONSENT_NAME_MISMATCH: { status: 422, message: '本人输入的姓名和花名册上的不一致，请本人重新输入' },
  PROXY_CONSENT_PHOTO_INVALID: { status: 422, message: '授权书照片无效，请重新拍照上传' },
  PROXY_SELF: { status: 422, message: '给自己办事请直接用自己的页面提交，不用代办' },
  PROXY_FAMILY_NOT_ALLOWED: {
    status: 403,
    message: '本村（社区）没有开放家属代办，请到村委会请工作人员代办',
  },
  PROXY_RESIDENT_NOT_FOUND: { status: 404, message: '本村（社区）花名册上没有这个人，只能为本村村民代办' },
} as const satisfies Record<string, ErrorInfo>
