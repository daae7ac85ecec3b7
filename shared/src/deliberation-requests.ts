/**
 * 议事 requests the server validates and the miniapp infers its forms from, what the pages show of a
 * procedure, and the meeting records (minutes, attachments, township attendees).
 */
import { z } from 'zod'
import {
  findStep,
  MATTER_TYPES,
  STEP_KEYS,
  DELIBERATION_BODIES,
  type Procedure,
  type ProcedureStep,
} from './procedure'
import { attendanceSchema, votesSchema } from './quorum-schemas'
import { PETITION_TARGETS } from './petition-threshold'

import { BALLOT_KINDS, type DeliberationState } from './deliberation'

// ---------- what the pages show ----------

/** The step under way, its label and phase in words. */
export function currentDeliberationStep(procedure: Procedure, state: DeliberationState): ProcedureStep {
  return findStep(procedure, state.step)!
}

/** Whether the procedure has reached (or passed) the deciding step and it passed. */
export const isDeliberationAdopted = (state: DeliberationState): boolean =>
  state.status === 'adopted' || state.status === 'completed'

// ---------- requests ----------

const nonBlank = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)

const id = z.number().int().positive()
const stepKey = z.enum(STEP_KEYS)

export const deliberationSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grievance'), grievanceId: id }),
  z.object({ kind: z.literal('cadre') }),
  z.object({ kind: z.literal('higher_assignment'), reference: nonBlank('交办文件或交办单', 100) }),
  z.object({ kind: z.literal('petition'), petitionId: id }),
])
export type DeliberationSourceRequest = z.infer<typeof deliberationSourceSchema>

export const deliberationCreateSchema = z.object({
  title: nonBlank('议题', 60),
  content: nonBlank('议题内容', 5000),
  matterType: z.enum(MATTER_TYPES),
  source: deliberationSourceSchema,
  attachmentIds: z
    .array(id)
    .max(20, '附件最多 20 个')
    .refine((ids) => new Set(ids).size === ids.length, '同一个附件放了两次')
    .default([]),
  /** the assembly's resolution that delegated this matter to the representatives' meeting */
  delegation: z
    .object({ resolution: nonBlank('授权的村（居）民会议决议', 100) })
    .nullable()
    .default(null),
  /** a not-adopted deliberation this one revises */
  previousId: id.nullable().default(null),
})
export type DeliberationCreateRequest = z.input<typeof deliberationCreateSchema>
export type DeliberationCreate = z.infer<typeof deliberationCreateSchema>

export const meetingScheduleSchema = z.object({
  step: stepKey,
  body: z.enum(DELIBERATION_BODIES),
  meetingAt: z.coerce.date({ errorMap: () => ({ message: '请填写开会时间' }) }),
  /**
   * The notice is given when the system publishes it; a typed notice date is refused (an earlier
   * paper notice is `paperNotice`, which counts once a supervisor confirms its photo).
   */
  noticeAt: z
    .custom<never>(() => false, {
      message: '通知时间以系统发出通知的时间为准，不能填写；公告栏上早已张贴的纸质通知，请拍照登记为纸质通知',
    })
    .optional(),
  /** a paper notice already on the village board: when it went up, and photos of it */
  paperNotice: z
    .object({
      postedAt: z.coerce.date({ errorMap: () => ({ message: '请填写纸质通知张贴的日期和时间' }) }),
      photoIds: z
        .array(id)
        .min(1, '请上传纸质通知张贴在公告栏上的照片')
        .max(9, '照片最多 9 张')
        .refine((ids) => new Set(ids).size === ids.length, '同一张照片放了两次'),
    })
    .optional(),
  location: nonBlank('开会地点', 100),
  agenda: nonBlank('会议议题', 2000),
  agendaPublished: z.boolean().default(false),
  planSent: z.boolean().default(false),
  ballot: z.enum(BALLOT_KINDS).default('open'),
})
export type MeetingScheduleRequest = z.input<typeof meetingScheduleSchema>
export type MeetingSchedule = z.infer<typeof meetingScheduleSchema>

/**
 * 会议改期, or a lapsed meeting noticed afresh: a new time is a new notice, published now, and the
 * notice days count again from it. The members frozen at the first notice are told.
 */
export const meetingRescheduleSchema = z.object({
  step: stepKey,
  meetingAt: z.coerce.date({ errorMap: () => ({ message: '请填写新的开会时间' }) }),
  location: nonBlank('开会地点', 100).optional(),
  agendaPublished: z.boolean().default(false),
  planSent: z.boolean().default(false),
  reason: z.string().trim().max(200, '改期的原因最多 200 个字').optional(),
})
export type MeetingRescheduleRequest = z.input<typeof meetingRescheduleSchema>
export type MeetingReschedule = z.infer<typeof meetingRescheduleSchema>

export const stepActionSchema = z.object({ step: stepKey })
export type StepActionRequest = z.infer<typeof stepActionSchema>

/** 一征: the committee opens the window in which residents give their opinions. */
export const solicitationOpenSchema = z.object({
  step: stepKey,
  /** when the window opens; now when left out */
  opensAt: z.coerce.date({ errorMap: () => ({ message: '请填写开始时间' }) }).optional(),
  closesAt: z.coerce.date({ errorMap: () => ({ message: '请填写截止时间' }) }),
})
export type SolicitationOpenRequest = z.input<typeof solicitationOpenSchema>
export type SolicitationOpen = z.infer<typeof solicitationOpenSchema>

/** 一征: a resident's opinion, with photos uploaded first through POST /api/villages/:v/files. */
export const opinionCreateSchema = z.object({
  text: nonBlank('意见', 1000),
  photoIds: z
    .array(id)
    .max(9, '照片最多 9 张')
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片放了两次')
    .default([]),
})
export type OpinionCreateRequest = z.input<typeof opinionCreateSchema>
export type OpinionCreate = z.infer<typeof opinionCreateSchema>

export const attendanceRecordSchema = z.object({ step: stepKey, attendance: attendanceSchema })
export type AttendanceRecordRequest = z.infer<typeof attendanceRecordSchema>

/** The clerk's count of hands or paper ballots; the server adds the online ballots (`combineVotes`). */
export const voteResultSchema = z.object({ step: stepKey, counted: votesSchema })
export type VoteResultRequest = z.infer<typeof voteResultSchema>

/** The committee's summary of the opinions; the server counts the opinions itself. */
export const opinionSummarySchema = z.object({
  step: stepKey,
  text: nonBlank('意见汇总', 3000),
})
export type OpinionSummaryRequest = z.infer<typeof opinionSummarySchema>

export const publishStepSchema = z.object({
  step: stepKey,
  title: nonBlank('公告标题', 60),
  text: nonBlank('公告内容', 5000),
  attachmentIds: z.array(id).max(20, '附件最多 20 个').default([]),
})
export type PublishStepRequest = z.input<typeof publishStepSchema>

export const rejectDeliberationSchema = z.object({ step: stepKey, reason: nonBlank('终止的原因', 200) })
export type RejectDeliberationRequest = z.infer<typeof rejectDeliberationSchema>

export const petitionCreateSchema = z.object({
  target: z.enum(PETITION_TARGETS),
  title: nonBlank('提议召开会议的事由', 60),
  text: nonBlank('具体内容', 2000),
})
export type PetitionCreateRequest = z.infer<typeof petitionCreateSchema>

// ---------- meeting records ----------

/**
 * 会议记录. The first entry is the minutes; every later one is a correction (更正) that names what
 * it corrects. Nothing is edited or deleted: the record only grows.
 */
export const minutesCreateSchema = z.object({ text: nonBlank('会议记录', 10000) })
export type MinutesCreateRequest = z.infer<typeof minutesCreateSchema>

/** Files uploaded first (photos of the sign-in sheet, the minutes on paper…), then attached. */
export const meetingAttachmentsSchema = z.object({
  fileIds: z
    .array(id)
    .min(1, '请选择附件')
    .max(20, '附件最多 20 个')
    .refine((ids) => new Set(ids).size === ids.length, '同一个附件放了两次'),
})
export type MeetingAttachmentsRequest = z.infer<typeof meetingAttachmentsSchema>

/** 列席的乡镇（街道）干部: an official of the township above the village, with their post. */
export const townshipAttendeeSchema = z.object({
  accountId: id,
  title: nonBlank('职务', 30),
})
export type TownshipAttendeeRequest = z.infer<typeof townshipAttendeeSchema>
