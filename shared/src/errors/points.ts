import type { ErrorInfo } from './info'

/** 积分制: the points ledger, its published rules and the points shop of a village. */
export const POINTS_ERRORS = {
  POINTS_NOT_A_RESIDENT: { status: 403, message: '只有本村（社区）花名册上的居民可以查看积分' },
  POINTS_NO_RULES: { status: 409, message: '村里还没有公布积分规则，公布后才能记分' },
  POINTS_ALREADY_AWARDED: { status: 409, message: '这件事已经记过分了，同一件事只记一次' },
  POINTS_MANUAL_OVER_CAP: { status: 422, message: '奖励分数超过了积分规则公布的上限' },
  POINTS_HOUSEHOLD_NOT_FOUND: { status: 404, message: '花名册上找不到这一户，请重新选择' },
  POINTS_BALANCE_SHORT: { status: 409, message: '这一户的积分不够兑换这件物品' },
  POINTS_OUT_OF_STOCK: { status: 409, message: '这件物品库存不够了' },
  POINTS_ITEM_UNAVAILABLE: { status: 409, message: '这件物品已经下架，不能兑换' },
  POINTS_ISSUE_NOT_ANSWERED: { status: 409, message: '问题答复以后才能认定为有用' },
  POINTS_ISSUE_NO_RESIDENT: { status: 409, message: '这个问题的反映人不在花名册上，不能记分' },
  POINTS_RULES_PUBLISHED_MEANWHILE: { status: 409, message: '刚才有人同时公布了积分规则，请刷新后再看' },
  POINTS_RULES_UNCHANGED: { status: 409, message: '积分规则没有改动，不用重新公布' },
} as const satisfies Record<string, ErrorInfo>
