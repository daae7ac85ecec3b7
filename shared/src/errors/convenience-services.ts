import type { ErrorInfo } from './info'

/** 便民服务 (一门式): the county's catalogue of services, residents' requests, the desk's hand-offs. */
export const SERVICE_ERRORS = {
  SERVICE_ITEM_NOT_FOUND: { status: 404, message: '没有这项服务，请从村里能办的事项里选择' },
  SERVICE_ITEM_EXISTS: { status: 409, message: '这个事项编号已经有了，请换一个或者修改原来的事项' },
  SERVICE_ITEM_STOPPED: { status: 409, message: '这项服务已经停办了，请向村委会问清楚现在怎么办' },
  SERVICE_NOT_IN_COUNTY: { status: 404, message: '这个县里没有这个乡镇（街道）' },
  SERVICE_MATERIALS_INVALID: { status: 422, message: '勾选的材料和这项服务要求的对不上，请刷新后重新勾选' },
  SERVICE_REQUEST_NOT_FOUND: { status: 404, message: '没有找到这件办事申请，可能不是您的' },
  SERVICE_WRONG_STEP: { status: 409, message: '这一步现在还不能做，请刷新看看办到哪一步了' },
  SERVICE_HANDLED_AT_DESK: { status: 409, message: '这项服务由村里直接办理，不用递交办理单位' },
  SERVICE_WITHDRAW_AFTER_ACCEPT: {
    status: 409,
    message: '村里已经收下材料开始办理了，不能再撤回；有变化请直接联系村委会',
  },
  SERVICE_REQUEST_CLOSED: { status: 409, message: '这件事已经办结（或已撤回、未能办理），不能再改了' },
  SERVICE_NOT_STAFF: { status: 403, message: '只有村（居）两委成员和网格员可以办理这一步' },
  SERVICE_PHOTO_INVALID: { status: 422, message: '有照片没有上传成功，请删掉后重新添加' },
} as const satisfies Record<string, ErrorInfo>
