import { z } from 'zod'

/**
 * The taps after which the person may want a WeChat message, and the event kinds that tap can later
 * bring them. The server turns kinds into template ids (its WECHAT_TEMPLATES setting); the miniapp
 * asks the person to accept those templates in the same tap (WeChat allows asking only then).
 */
export const SUBSCRIBE_ACTIONS = {
  /** 说事: the committee accepts, answers or declines the issue */
  grievance: ['grievance.accepted', 'grievance.replied', 'grievance.declined'],
  /** 申请证明: the request is issued, returned or refused */
  certificate: ['certificate.updated'],
  /** 实名认证: confirmed or not */
  verification: ['verification.confirmed', 'verification.rejected'],
  /** 异议: the committee, then the township, answers */
  objection: ['notice.objection_answered', 'notice.objection_township_answered'],
  /** 联名: the petition reaches its count, is convened or withdrawn */
  petition: ['petition.reached', 'petition.convened', 'petition.withdrawn'],
} as const satisfies Record<string, readonly string[]>
export type SubscribeAction = keyof typeof SUBSCRIBE_ACTIONS
export const SUBSCRIBE_ACTION_NAMES = Object.keys(SUBSCRIBE_ACTIONS) as SubscribeAction[]

/** WeChat shows at most three templates in one request. */
export const SUBSCRIBE_MAX_TEMPLATES = 3

/** Per action, the template ids to ask for (none when WeChat messages are not configured). */
export interface SubscribeTemplates {
  actions: Record<SubscribeAction, string[]>
}

/** What `wx.requestSubscribeMessage` answered per template; only `accept` grants a message. */
export const subscribeResultSchema = z.object({
  results: z
    .record(
      z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/, '模板编号不对'),
      z.string().max(32),
    )
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 10, '要报告 1 到 10 个模板的结果'),
})
export type SubscribeResultBody = z.infer<typeof subscribeResultSchema>

/** How many one-time messages each template may still send to this person. */
export interface SubscribeCredits {
  credits: Record<string, number>
}
