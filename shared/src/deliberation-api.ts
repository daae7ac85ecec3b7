/**
 * What the deliberation routes answer (request bodies are the zod schemas in deliberation.ts and
 * petition.ts). All under /api/villages/:villageId; the routes are listed in docs/architecture.md
 * and at the top of the server's deliberations and petitions controllers.
 */
import { z } from 'zod'
import type { Page } from './api'
import type { ModerationView } from './content-check'
import type {
  BallotKind,
  DeliberationEventType,
  DeliberationSource,
  DeliberationStatus,
  OpinionSummary,
  StepPhase,
  StepRecord,
} from './deliberation'
import type { StoredFileView } from './grievance-api'
import type { DeliberationBody, MatterType, MeetingBody, StepKey, StepKind } from './procedure'
import type { ProcedureVariant } from './org'
import type { MeetingMoment } from './meeting-time'
import type { RepresentativesComposition } from './meeting-members'
import type { NextActor } from './next-actor'
import type { NoticeRule } from './procedure'
import {
  type Attendance,
  type MeetingOutcomeKind,
  type QuorumCheck,
  type QuorumCount,
  type Votes,
} from './quorum'
import { votesSchema } from './quorum-schemas'
import { MAX_CHECK_IN_LEAD_MINUTES } from './meeting-time'
import type { Role } from './roles'

/** `lapsed`: not opened within a day after its time; noticed afresh by rescheduling it. */
/** `voided`: its records were altered while it was in session, so nothing of it was counted. */
export type MeetingStatus = 'scheduled' | 'in_session' | 'closed' | 'cancelled' | 'lapsed' | 'voided'

/** When the meeting lets members check in and vote, and where it stands now (the server's clock). */
export interface MeetingTiming {
  checkInOpensAt: string
  /** the announced time: the meeting opens, ballots are cast and the vote closes from then on */
  votingOpensAt: string
  /** not opened by then, it lapses */
  lapsesAt: string
  /** for a meeting not yet opened; null once it opened, closed, was cancelled or lapsed */
  moment: MeetingMoment | null
  now: string
}

/** A paper notice on the village board, photographed; it counts once a supervisor confirmed it. */
export interface PaperNoticeView {
  postedAt: string
  photos: StoredFileView[]
  recordedBy: string
  confirmedAt: string | null
  confirmedBy: string | null
}

/** The next actor, and whether it is the caller. */
export interface NextActorView extends NextActor {
  isMe: boolean
}

/** What the schedule form needs before it sends the notice (GET …/:id/schedule-preview?body=). */
export interface SchedulePreview {
  step: StepKey
  body: MeetingBody
  notice: NoticeRule
  /** a notice sent now */
  noticeAt: string
  /** the earliest lawful meeting time on a notice sent now */
  earliestMeetingAt: string
  /** YYYY-MM-DD in Beijing time */
  earliestDay: string
  /** a paper notice cannot be older than this (when the step became current) */
  stepSince: string | null
  /** how many would be on the member list frozen at notice */
  members: number
  /** a representatives' meeting's make-up against Art 25; null for other bodies */
  composition: RepresentativesComposition | null
  checkInLeadMinutes: number
}

export interface DeliberationSummary {
  id: number
  title: string
  matterType: MatterType
  status: DeliberationStatus
  statusLabel: string
  step: StepKey
  stepLabel: string
  createdAt: string
}

export interface MeetingResultView {
  outcome: MeetingOutcomeKind
  reason: string
  due: number
  present: number
  households: { total: number; represented: number | null } | null
  quorumBy: QuorumCount | null
  votes: Votes
  /** the part of the totals cast in the app */
  online: Votes
  closedAt: string
}

export interface MeetingSummary {
  id: number
  step: StepKey
  body: MeetingBody
  bodyLabel: string
  meetingAt: string
  /** when the system published the notice */
  noticeAt: string
  /** the notice the notice days count from (an earlier, confirmed paper notice) */
  countedNoticeAt: string
  /** a paper notice is recorded and waits for a supervisor */
  paperNoticePending: boolean
  location: string
  ballot: BallotKind
  status: MeetingStatus
  result: MeetingResultView | null
}

export interface PublicNoticeSummary {
  id: number
  category: 'resolution' | 'implementation'
  title: string
  body: string
  resolutionNoticeId: number | null
  publishedAt: string
  supervisionOpinion: string | null
  supervisionAt: string | null
}

export interface SolicitationView {
  /** the window, once the committee opened it */
  opensAt: string | null
  closesAt: string | null
  /** residents may give opinions now */
  accepting: boolean
  opinionCount: number
  /** how many of those are mine */
  myOpinionCount: number
  /** I am on this community's roster and the window is open */
  canGiveOpinion: boolean
  /** the server's time of this answer: the pages place the window by it, not by the phone's clock */
  now?: string
}

export interface DeliberationView {
  id: number
  title: string
  content: string
  matterType: MatterType
  matterLabel: string
  source: {
    kind: DeliberationSource
    grievanceId: number | null
    reference: string | null
    petitionId: number | null
  }
  delegationResolution: string | null
  status: DeliberationStatus
  statusLabel: string
  step: StepKey
  stepLabel: string
  phase: StepPhase
  phaseLabel: string
  procedure: {
    variant: ProcedureVariant
    label: string
    steps: {
      key: StepKey
      label: string
      kind: StepKind
      bodies: DeliberationBody[]
      recorders: readonly Role[]
      deciding: boolean
    }[]
  }
  history: readonly StepRecord[]
  attachments: StoredFileView[]
  /** 一征 (urban procedure only; null for 四议两公开) */
  solicitation: SolicitationView | null
  /** 一征's summary, which every later step shows */
  opinionSummary: OpinionSummary | null
  meetings: MeetingSummary[]
  notices: PublicNoticeSummary[]
  /** what the caller may do now: which buttons the page shows */
  actions: DeliberationEventType[]
  /** who acts next, by role and name; null once the deliberation ended */
  nextActor: NextActorView | null
  createdAt: string
}

export interface MinutesEntryView {
  id: number
  /** 1 is the minutes; every later entry is a correction */
  seq: number
  kind: 'minutes' | 'correction'
  text: string
  recordedBy: string
  createdAt: string
}

export interface TownshipAttendeeView {
  id: number
  accountId: number
  name: string
  title: string
  createdAt: string
}

/** A township official the committee may list as attending (列席). */
export interface TownshipOfficialOption {
  accountId: number
  name: string
  townshipName: string
}

export interface MeetingView {
  id: number
  deliberationId: number
  step: StepKey
  body: MeetingBody
  bodyLabel: string
  meetingAt: string
  /** when the system published the notice */
  noticeAt: string
  /** the notice the notice days count from */
  countedNoticeAt: string
  paperNotice: PaperNoticeView | null
  /** the caller is a supervision-committee member who may confirm the paper notice now */
  canConfirmPaperNotice: boolean
  timing: MeetingTiming
  checkInLeadMinutes: number
  location: string
  agenda: string
  ballot: BallotKind
  status: MeetingStatus
  due: number
  present: number
  /** the clerk sees everyone; a member sees only their own line */
  members: { id: number; name: string; present: boolean; isMe: boolean }[]
  result: MeetingResultView | null
  liveVotes: Votes | null
  minutes: MinutesEntryView[]
  attachments: StoredFileView[]
  /** listed as attending, never counted in the quorum */
  townshipAttendees: TownshipAttendeeView[]
  /** the caller may add minutes, corrections, attachments and attendees */
  canRecord: boolean
  /**
   * for those who record a meeting in session: the ballots that cannot be accounted for (records
   * altered behind the application), when there are any; the vote can then only be declared void
   */
  integrityProblem: string | null
  /** the caller has voted at this meeting (never how) */
  iVoted: boolean
}

export interface QuorumView {
  meetingId: number
  status: MeetingStatus
  attendance: Attendance
  quorum: QuorumCheck
}

export interface BallotReceipt {
  meetingId: number
  voted: true
}

/** 一征: an opinion, as the committee (all of them) or its author (their own) sees it. */
export interface OpinionView {
  id: number
  name: string
  text: string
  photos: StoredFileView[]
  isMine: boolean
  createdAt: string
  /** the content check: its writer and the 两委 read it before it is shown to the others who read opinions */
  moderation: ModerationView
}

export type OpinionPage = Page<OpinionView>

/** The miniapp pages a notification about a deliberation opens. */
export const DELIBERATION_PAGES = {
  detail: '/subpackages/deliberation/pages/detail/index',
  meeting: '/subpackages/deliberation/pages/meeting/index',
} as const
export const deliberationPage = (id: number): string => `${DELIBERATION_PAGES.detail}?id=${id}`
/** 联名提议 pages; a notification links the petition in its village. */
export const PETITION_PAGES = {
  list: '/subpackages/petition/pages/list/index',
  detail: '/subpackages/petition/pages/detail/index',
  start: '/subpackages/petition/pages/start/index',
} as const
export const petitionPage = (id: number, villageId: number): string =>
  `${PETITION_PAGES.detail}?id=${id}&villageId=${villageId}`
export const deliberationMeetingPage = (id: number, meetingId: number): string =>
  `${DELIBERATION_PAGES.meeting}?id=${id}&meetingId=${meetingId}`

/** 宣布表决作废: why, in the clerk's words (the server adds what it found). */
export const voidMeetingSchema = z.object({
  reason: z.string().trim().min(1, '请写明表决作废的原因').max(200, '原因最多 200 个字'),
})
export type VoidMeetingRequest = z.infer<typeof voidMeetingSchema>

/** A member's choice on the meeting's motion: 同意 / 反对 / 弃权. */
export const CHOICES = ['yes', 'no', 'abstain'] as const
export type Choice = (typeof CHOICES)[number]
export const CHOICE_LABELS: Record<Choice, string> = { yes: '同意', no: '反对', abstain: '弃权' }

/** A member's own ballot on the meeting's motion. */
export const ballotSchema = z.object({ choice: z.enum(CHOICES) })
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

/** 村务监督委员会意见 on a deliberation's notice. */
export const supervisionOpinionSchema = z.object({
  opinion: z.string().trim().min(1, '请填写监督意见').max(1000, '监督意见最多 1000 个字'),
})
export type SupervisionOpinionRequest = z.infer<typeof supervisionOpinionSchema>

/** Calling off a meeting that has not opened, with the reason the members are told. */
export const cancelMeetingSchema = z.object({ reason: z.string().trim().max(200).optional() })
export type CancelMeetingRequest = z.infer<typeof cancelMeetingSchema>

/** The village's deliberation settings; a setting left out keeps its value. */
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
