import { MAX_CHECK_IN_LEAD_MINUTES, votesSchema } from '@xiangli/shared'
import { z } from 'zod'

/** A member's own ballot on the meeting's motion: 同意 / 反对 / 弃权. */
export const ballotSchema = z.object({ choice: z.enum(['yes', 'no', 'abstain']) })
export type BallotRequest = z.infer<typeof ballotSchema>

/** The clerk's entries from the paper sign-in sheet: members of the frozen list. */
export const paperSignInSchema = z.object({
  memberIds: z
    .array(z.number().int().positive())
    .min(1, '请选择签到的人')
    .max(5000)
    .refine((ids) => new Set(ids).size === ids.length, '同一个人选了两次'),
})
export type PaperSignInRequest = z.infer<typeof paperSignInSchema>

/** Closing the vote: the clerk's count of hands or paper ballots, added to the ballots cast in the app. */
export const closeMeetingSchema = z.object({
  counted: votesSchema.default({ yes: 0, no: 0, abstain: 0 }),
})
export type CloseMeetingRequest = z.input<typeof closeMeetingSchema>
export type CloseMeeting = z.infer<typeof closeMeetingSchema>

/** 村务监督委员会意见 on a notice. */
export const supervisionOpinionSchema = z.object({
  opinion: z.string().trim().min(1, '请填写监督意见').max(1000, '监督意见最多 1000 个字'),
})
export type SupervisionOpinionRequest = z.infer<typeof supervisionOpinionSchema>

export const cancelMeetingSchema = z.object({ reason: z.string().trim().max(200).optional() })
export type CancelMeetingRequest = z.infer<typeof cancelMeetingSchema>

export const deliberationSettingsSchema = z.object({
  showCountsLive: z.boolean(),
  /** members may check in this many minutes before a meeting's announced time (0–180, default 30) */
  checkInLeadMinutes: z
    .number()
    .int('签到提前的分钟数要填整数')
    .min(0, '签到提前的分钟数不能小于 0')
    .max(MAX_CHECK_IN_LEAD_MINUTES, `签到最多提前 ${MAX_CHECK_IN_LEAD_MINUTES} 分钟`)
    .optional(),
})
export type DeliberationSettingsRequest = z.infer<typeof deliberationSettingsSchema>
export type DeliberationSettings = Required<DeliberationSettingsRequest>
