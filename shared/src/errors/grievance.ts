import type { ErrorInfo } from './info'

/** Residents' issues (村民说事) and the grids that handle them. */
export const GRIEVANCE_ERRORS = {
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
  GRIEVANCE_ASSIGNEE_INVALID: {
    status: 400,
    message: '只能交给本村（社区）的两委成员、网格员或村民小组长办理',
  },
  GRIEVANCE_NOT_ASSIGNED_TO_YOU: { status: 403, message: '这件事没有交给您办理，不能答复' },
  GRID_NAME_TAKEN: { status: 409, message: '已经有同名的网格了，请换一个名字' },
  GRID_NOT_YOURS: { status: 403, message: '这不是您负责的网格，看不到这里的住户' },
  GRID_RESIDENT_OUTSIDE: { status: 422, message: '只能选您负责的网格里的住户' },
  GROUP_NONE: {
    status: 404,
    message: '您家还没有编入村民小组，请村（居）委会在花名册上登记所在的组',
  },
  GRID_HOUSEHOLDS_NONE: { status: 400, message: '请至少选一户或一个村民小组' },
} as const satisfies Record<string, ErrorInfo>
