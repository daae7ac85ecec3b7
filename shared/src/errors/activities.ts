import type { ErrorInfo } from './info'

/**
 * 活动 / 志愿服务: activities, sign-ups, check-in by QR code and volunteer hours. Kept short: every
 * message ships in the weapp's main package.
 */
export const ACTIVITY_ERRORS = {
  ACTIVITY_NOT_A_RESIDENT: { status: 403, message: '只有本村花名册上的居民可以报名参加' },
  ACTIVITY_TIMES_INVALID: { status: 422, message: '结束要晚于开始，一次最长 24 小时，180 天以内' },
  ACTIVITY_START_IN_PAST: { status: 422, message: '开始时间已经过了' },
  ACTIVITY_DEADLINE_INVALID: { status: 422, message: '报名截止要在现在之后、开始之前' },
  ACTIVITY_HOURS_INVALID: { status: 422, message: '时长按半小时填，不能超过活动时长' },
  ACTIVITY_NOT_DRAFT: { status: 409, message: '这个活动已经发布了' },
  ACTIVITY_CANNOT_CANCEL: { status: 409, message: '活动已举行，不能取消' },
  ACTIVITY_NOT_HELD: { status: 409, message: '活动结束后才能记时长' },
  ACTIVITY_NOT_OPEN: { status: 409, message: '这个活动现在不能报名或签到' },
  ACTIVITY_SIGNUP_CLOSED: { status: 409, message: '报名已经截止了' },
  ACTIVITY_ALREADY_SIGNED_UP: { status: 409, message: '您已经报过名了' },
  ACTIVITY_NOT_SIGNED_UP: { status: 409, message: '没有报名这个活动' },
  ACTIVITY_FULL: { status: 409, message: '名额已经满了' },
  ACTIVITY_CHECKIN_NOT_YET: { status: 409, message: '开始前半小时才能签到' },
  ACTIVITY_CHECKIN_OVER: { status: 409, message: '活动已结束，不能签到了' },
  ACTIVITY_ALREADY_CHECKED_IN: { status: 409, message: '已经签过到了' },
  ACTIVITY_CHECKIN_CODE_EXPIRED: { status: 422, message: '签到码过期了，请重新扫码' },
  ACTIVITY_CHECKIN_CODE_INVALID: { status: 422, message: '不是这个活动的签到码，请扫现场的二维码' },
  ACTIVITY_HOURS_ALREADY_RECORDED: { status: 409, message: '这个人的时长已经记过了' },
  ACTIVITY_NOT_AN_ATTENDEE: { status: 422, message: '这个人没有签到或不在名单上' },
  ACTIVITY_NOT_VOLUNTEERING: { status: 409, message: '这个活动不记志愿时长' },
  ACTIVITY_CHANGED: { status: 409, message: '活动刚有变动，请刷新再试' },
} as const satisfies Record<string, ErrorInfo>
