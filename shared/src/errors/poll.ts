import type { ErrorInfo } from './info'

/** 问卷 / 意见征集: light, non-binding polls of a village. */
export const POLL_ERRORS = {
  POLL_NOT_A_RESIDENT: { status: 403, message: '只有本村（社区）花名册上的居民可以参加这个问卷' },
  POLL_ALREADY_ANSWERED: { status: 409, message: '您已经填过这个问卷了，每人只能填一次' },
  POLL_NOT_OPEN: { status: 409, message: '这个问卷已经结束，不能再填写了，可以查看结果' },
  POLL_ALREADY_CLOSED: { status: 409, message: '这个问卷已经结束了' },
  POLL_ANSWER_INCOMPLETE: { status: 422, message: '还有问题没有选，请每个问题都选一下' },
  POLL_ANSWER_INVALID: { status: 422, message: '选择的内容和问卷对不上，请刷新后重新填写' },
  POLL_END_IN_PAST: { status: 422, message: '截止日期不能早于今天' },
  POLL_END_TOO_FAR: { status: 422, message: '截止日期太远了，最多 90 天' },
} as const satisfies Record<string, ErrorInfo>
