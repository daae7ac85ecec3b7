import type { ErrorInfo } from './info'

/** Certificates (出具证明, 民发〔2020〕20号): catalogue, requests, numbering, public check. */
export const CERTIFICATE_ERRORS = {
  CERTIFICATE_ITEM_NOT_FOUND: { status: 404, message: '本村（社区）不开这项证明，请从能开的证明清单里选择' },
  CERTIFICATE_NEGATIVE_LIST: {
    status: 422,
    message: '按国家规定，这项证明不由村（居）委会开具，请按提示到相关部门办理',
  },
  CERTIFICATE_CATALOGUE_INVALID: { status: 400, message: '证明清单的设置有误，请检查后再保存' },
  CERTIFICATE_COMMITMENT_NOT_ALLOWED: { status: 409, message: '这项证明不能用个人承诺代替，请按流程申请' },
  CERTIFICATE_FIELD_MISSING: { status: 400, message: '还有必填的内容没有填写，请补全后再提交' },
  CERTIFICATE_FIELD_INVALID: { status: 400, message: '有一项内容填写得不对，请检查后再提交' },
  CERTIFICATE_FIELD_UNKNOWN: {
    status: 400,
    message: '提交的内容里有这项证明用不到的信息，请刷新页面后重新填写',
  },
  CERTIFICATE_TEMPLATE_INCOMPLETE: {
    status: 422,
    message: '证明内容还有空着的地方，不能出具，请补全后再出具',
  },
  CERTIFICATE_APPROVER_NOT_ALLOWED: {
    status: 403,
    message: '只有村（居）委会成员或党组织书记可以审批证明，临时工作人员不能审批',
  },
  CERTIFICATE_OWN_REQUEST: { status: 403, message: '不能审批自己申请的证明，请由其他两委成员办理' },
  CERTIFICATE_PROXY_OWN_FILING: {
    status: 403,
    message: '您代村民申请的证明，不能由您自己审批，请由其他两委成员办理',
  },
  CERTIFICATE_ALREADY_APPROVED: { status: 409, message: '这份申请已经审批同意了，不能再改' },
  CERTIFICATE_ALREADY_DECIDED: { status: 409, message: '这份申请已经处理过了' },
  CERTIFICATE_AWAITING_MORE_INFO: { status: 409, message: '正在等申请人补充材料，补充后才能继续审批' },
  CERTIFICATE_NOT_AWAITING_INFO: { status: 409, message: '这份申请没有要求补充材料，不需要重新提交' },
  CERTIFICATE_REQUEST_WITHDRAWN: { status: 409, message: '这份申请已经撤回了' },
  CERTIFICATE_NOT_APPROVED: { status: 409, message: '这份申请还没有审批同意，不能出具证明' },
  CERTIFICATE_ALREADY_ISSUED: { status: 409, message: '这份证明已经出具过了，不会重复编号' },
  CERTIFICATE_PDF_UNAVAILABLE: {
    status: 503,
    message: '证明文件暂时无法生成，证明本身有效，请稍后再下载或联系村委会',
  },
  CERTIFICATE_NOT_ISSUED: { status: 409, message: '这份证明还没有出具，不能作废' },
  CERTIFICATE_ALREADY_REVOKED: { status: 409, message: '这份证明已经作废了' },
  CERTIFICATE_NUMBER_INVALID: { status: 400, message: '证明编号的格式不对，请对照证明上的编号重新输入' },
  CERTIFICATE_VERIFICATION_CODE_INVALID: {
    status: 400,
    message: '查验码的格式不对，应该是证明上印的 8 位字母和数字',
  },
} as const satisfies Record<string, ErrorInfo>
