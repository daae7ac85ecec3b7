import type { ErrorInfo } from './info'

/** Logging in, WeChat, content security and who may do what. */
export const AUTH_ERRORS = {
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  AUTH_TOKEN_INVALID: { status: 401, message: '登录信息无效，请重新登录' },
  AUTH_REFRESH_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  AUTH_REFRESH_REUSED: { status: 401, message: '账号在别处使用过旧的登录凭证，为了安全已退出，请重新登录' },
  AUTH_SESSION_ENDED: { status: 401, message: '您已经退出登录，请重新登录' },
  DEMO_DISABLED: { status: 403, message: '演示登录未开启' },
  WECHAT_LOGIN_FAILED: { status: 401, message: '微信登录失败，请重新打开小程序再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '暂时连不上微信服务，请稍后再试' },
  WECHAT_PUSH_SIGNATURE_INVALID: { status: 403, message: '消息签名不对，已拒收' },
  WECHAT_PUSH_NOT_ENCRYPTED: { status: 400, message: '消息没有按安全模式加密，已拒收' },
  WECHAT_PUSH_UNREADABLE: { status: 400, message: '消息无法解密或内容不对，已拒收' },
  CONTENT_ALREADY_REVIEWED: { status: 409, message: '这条内容已经审核过了，请刷新看看' },
  CONTENT_REJECT_REASON_REQUIRED: { status: 400, message: '不通过时请写明原因，发布人会看到' },
  FORBIDDEN: { status: 403, message: '您没有权限做这件事' },
  NOT_VERIFIED: { status: 403, message: '请先完成实名认证，认证前只能查看公开信息' },
  OUT_OF_SCOPE: { status: 403, message: '这不是您所在村（社区）的事务，无法操作' },
} as const satisfies Record<string, ErrorInfo>
