import type { ErrorInfo } from './info'

/** 活动 / 志愿服务: activities, sign-ups, check-in by QR code and volunteer hours. */
export const ACTIVITY_ERRORS = {
  ACTIVITY_NOT_A_RESIDENT: { status: 403, message: '只有本村（社区）花名册上的居民可以报名参加活动' },
  ACTIVITY_TIMES_INVALID: { status: 422, message: '结束时间要晚于开始时间' },
  ACTIVITY_START_IN_PAST: { status: 422, message: '开始时间已经过了，请选一个以后的时间' },
  ACTIVITY_TOO_FAR: { status: 422, message: '活动时间太远了，最多安排在 180 天以内' },
  ACTIVITY_TOO_LONG: { status: 422, message: '一次活动最长 24 小时，请分成几次发布' },
  ACTIVITY_DEADLINE_INVALID: { status: 422, message: '报名截止时间要在现在之后、活动开始之前' },
  ACTIVITY_HOURS_INVALID: {
    status: 422,
    message: '时长要按半小时填写（如 1、1.5、2 小时）；志愿服务要填计划时长，且不能超过活动时长',
  },
  ACTIVITY_HOURS_TOO_MANY: { status: 422, message: '记的时长不能超过活动本身的时长' },
  ACTIVITY_NOT_DRAFT: { status: 409, message: '这个活动已经发布过了' },
  ACTIVITY_CANNOT_CANCEL: { status: 409, message: '活动已经举行或已结束，不能再取消' },
  ACTIVITY_NOT_HELD: { status: 409, message: '活动结束以后才能记时长、结束活动' },
  ACTIVITY_NOT_OPEN: { status: 409, message: '这个活动现在不接受报名或签到（还没发布、已取消或已结束）' },
  ACTIVITY_SIGNUP_CLOSED: { status: 409, message: '报名已经截止了' },
  ACTIVITY_ALREADY_SIGNED_UP: { status: 409, message: '您已经报过名了' },
  ACTIVITY_NOT_SIGNED_UP: { status: 409, message: '您还没有报名这个活动' },
  ACTIVITY_FULL: { status: 409, message: '名额已经满了，下次早点报名' },
  ACTIVITY_CHECKIN_NOT_YET: { status: 409, message: '还没到签到时间，活动开始前半小时可以签到' },
  ACTIVITY_CHECKIN_OVER: { status: 409, message: '活动已经结束，不能再签到了' },
  ACTIVITY_ALREADY_CHECKED_IN: { status: 409, message: '已经签过到了，不用再签' },
  ACTIVITY_CHECKIN_CODE_EXPIRED: {
    status: 422,
    message: '签到码已经过期了，请重新扫一下组织者手机上的二维码',
  },
  ACTIVITY_CHECKIN_CODE_INVALID: { status: 422, message: '这不是这个活动的签到码，请扫组织者手机上的二维码' },
  ACTIVITY_NOT_ON_LIST: { status: 422, message: '这个人不在报名名单上' },
  ACTIVITY_NOT_AN_ATTENDEE: { status: 422, message: '这个人没有签到，不能记时长' },
  ACTIVITY_HOURS_ALREADY_RECORDED: { status: 409, message: '这个人的时长已经记过了，每人只记一次' },
  ACTIVITY_CHANGED: { status: 409, message: '活动刚被别人改过了，请刷新后再试' },
  ACTIVITY_NOT_VOLUNTEERING: { status: 409, message: '这个活动不是志愿服务，不记志愿时长' },
} as const satisfies Record<string, ErrorInfo>
