import type { ErrorInfo } from './info'

/** Public notices (村务公开 / 公示): lifecycle, publicity period, finance, objections. */
export const NOTICE_ERRORS = {
  NOTICE_PUBLISHED_IMMUTABLE: {
    status: 409,
    message: '已发布的公告不能直接修改，如需更正请发布更正版本并写明原因',
  },
  NOTICE_IN_REVIEW: { status: 409, message: '公告正在等监督委员会审核，审核完成后才能继续' },
  NOTICE_REVIEW_REQUIRED: {
    status: 409,
    message: '本村（社区）规定公告发布前要经监督委员会审核，请先提交审核',
  },
  NOTICE_REVIEW_NOT_REQUIRED: {
    status: 409,
    message: '本村（社区）没有要求监督委员会审核公告，可以直接发布',
  },
  NOTICE_NOT_IN_REVIEW: { status: 409, message: '这条公告没有在等审核' },
  NOTICE_ALREADY_PUBLISHED: { status: 409, message: '这条公告已经发布了' },
  NOTICE_NOT_PUBLISHED: { status: 409, message: '这条公告还没有发布' },
  NOTICE_PERIOD_INVALID: { status: 422, message: '公示期的结束日期不能早于开始日期' },
  NOTICE_PERIOD_TOO_LONG: { status: 422, message: '公示期太长了，最多 90 天' },
  NOTICE_PERIOD_NOT_STARTED: { status: 409, message: '公示期还没有开始，开始后才能提出异议' },
  NOTICE_PERIOD_ENDED: {
    status: 409,
    message: '公示期已经结束，不能再提出异议。如有问题可以向村委会或乡镇反映',
  },
  NOTICE_FINANCE_LINES_REQUIRED: { status: 422, message: '财务公开要逐条填写收入和支出明细，并填写合计' },
  NOTICE_FINANCE_TOTALS_MISMATCH: { status: 422, message: '明细加起来和填写的合计对不上，请核对金额' },
  NOTICE_LINES_NOT_FINANCE: { status: 422, message: '只有财务公开可以填写收支明细' },
  NOTICE_COVERS_PERIOD_REQUIRED: { status: 422, message: '财务公开要写明公开的是哪个月或哪个季度的账目' },
  NOTICE_ATTACHMENT_INVALID: {
    status: 400,
    message: '有附件没有上传成功，请删掉后重新添加（支持图片、PDF 和表格）',
  },
  NOTICE_AUDIENCE_INVALID: { status: 400, message: '只能选择本村（社区）的村民小组' },
  NOTICE_NOT_IN_AUDIENCE: { status: 403, message: '这条公告不是发给您所在村民小组的' },
  NOTICE_REPLY_NOT_ALLOWED: { status: 403, message: '只有村（居）委会成员或党组织书记可以答复异议' },
  NOTICE_OPINION_GIVEN: { status: 409, message: '监督委员会已经对这条公告提出过意见了' },
  NOTICE_ACK_NOT_REQUESTED: { status: 409, message: '这条公告不需要确认收到' },
  NOTICE_ALREADY_ACKNOWLEDGED: { status: 409, message: '您家已经确认收到过这条公告了，每户确认一次就行' },
  NOTICE_NO_HOUSEHOLD: { status: 409, message: '花名册里还没有登记您所在的户，请联系村委会' },
  NOTICE_CHANGED: { status: 409, message: '这条公告刚刚有了变化，请刷新后再看' },
  OBJECTION_ALREADY_ANSWERED: { status: 409, message: '这条异议已经答复过了' },
  OBJECTION_NOT_ANSWERED: {
    status: 409,
    message: '村委会还没有答复，答复后才能认可；超过答复期限没有答复的，可以反映到乡镇',
  },
  OBJECTION_CLOSED: { status: 409, message: '这条异议已经办结了' },
  OBJECTION_NOT_ESCALATED: { status: 409, message: '这条异议没有反映到乡镇（街道）' },
  OBJECTION_NOT_YOURS: { status: 403, message: '这不是您提出的异议' },
  OBJECTION_PHOTO_INVALID: { status: 400, message: '有照片没有上传成功，请删掉后重新添加' },
} as const satisfies Record<string, ErrorInfo>
