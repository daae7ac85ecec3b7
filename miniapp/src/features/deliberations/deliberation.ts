/**
 * 议事 (四议两公开 / 一征三议两公开) as the pages show it. The server decides everything and says which
 * buttons the caller may use (`actions`); this file only turns its answers into what a page needs:
 * the procedure as a list of steps, the quorum in words, the state of the vote button.
 */
import {
  COMMITTEE_ROLES,
  DELIBERATION_BODY_LABELS,
  DELIBERATION_STATUS_LABELS,
  MATTER_TYPE_LABELS,
  MEETING_OUTCOME_LABELS,
  STEP_OUTCOME_LABELS,
  isSelfGoverningUnit,
  type BallotKind,
  type DeliberationStatus,
  type DeliberationSummary,
  type DeliberationView,
  type MeetingResultView,
  type MeetingStatus,
  type MeetingSummary,
  type MeetingView,
  type MinutesEntryView,
  type PublicNoticeSummary,
  type QuorumView,
  type MatterType,
  type Membership,
  type MeetingOutcomeKind,
  type StepKey,
  type StepOutcome,
  type StepRecord,
  type Votes,
} from '@xiangli/shared'
import { formatTime } from '@/logic/format'

// ---------- what the server answers: the response types in shared ----------

export type DeliberationListItem = DeliberationSummary
export type DeliberationDetail = DeliberationView
export type NoticeView = PublicNoticeSummary
export type ProcedureStepView = DeliberationView['procedure']['steps'][number]
export type MeetingMemberLine = MeetingView['members'][number]
export type MinutesEntry = MinutesEntryView
export type { MeetingResultView, MeetingStatus, MeetingSummary, MeetingView, QuorumView }

/** 会议记录 first, then each correction, with who wrote it. */
export const minutesLabel = (e: Pick<MinutesEntry, 'kind' | 'seq' | 'recordedBy'>): string =>
  e.kind === 'minutes' ? `会议记录（${e.recordedBy}）` : `第 ${e.seq - 1} 次更正（${e.recordedBy}）`

export type StatusFilter = 'all' | DeliberationStatus

export const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'in_progress', label: '议事中' },
  { value: 'adopted', label: '待公开' },
  { value: 'completed', label: '已办结' },
  { value: 'not_adopted', label: '未通过' },
  { value: 'rejected', label: '已终止' },
]

export const filterByStatus = <T extends { status: DeliberationStatus }>(
  items: readonly T[],
  filter: StatusFilter,
): T[] => (filter === 'all' ? [...items] : items.filter((i) => i.status === filter))

/** The list as pages of `size`: the first `page` pages, and whether there is more. */
export function firstPages<T>(items: readonly T[], page: number, size = 20): { shown: T[]; more: boolean } {
  const n = Math.max(1, Math.floor(page)) * size
  return { shown: items.slice(0, n), more: items.length > n }
}

/** The list endpoint answers an array today; a paged answer ({ items }) is taken as well. */
export function listItems<T>(answer: T[] | { items: T[] }): T[] {
  return Array.isArray(answer) ? answer : answer.items
}

export type Tone = 'waiting' | 'working' | 'done' | 'stopped' | 'township'

const STATUS_TONES: Record<DeliberationStatus, Tone> = {
  in_progress: 'working',
  adopted: 'waiting',
  completed: 'done',
  not_adopted: 'stopped',
  rejected: 'stopped',
}
export const statusTone = (s: DeliberationStatus): Tone => STATUS_TONES[s]
export const statusLabel = (s: DeliberationStatus): string => DELIBERATION_STATUS_LABELS[s]

// ---------- who may do what (the server checks again) ----------

export const isVillageCadre = (m: Pick<Membership, 'orgKind' | 'roles'> | null): boolean =>
  m !== null && isSelfGoverningUnit(m.orgKind) && m.roles.some((r) => COMMITTEE_ROLES.includes(r))

export const isSupervisor = (m: Pick<Membership, 'orgKind' | 'roles'> | null): boolean =>
  m !== null && isSelfGoverningUnit(m.orgKind) && m.roles.includes('supervisor')

// ---------- the source ----------

const SOURCE_LABELS: Record<string, string> = {
  grievance: '村民反映的问题',
  cadre: '两委干部提出',
  higher_assignment: '上级交办',
  petition: '村民联名提议',
}

export interface SourceView {
  label: string
  detail: string | null
  /** the resident's issue this came from */
  grievanceId: number | null
  /** the residents' petition this answers */
  petitionId: number | null
}

export function sourceView(source: DeliberationDetail['source']): SourceView {
  const label = SOURCE_LABELS[source.kind] ?? '其他'
  if (source.kind === 'grievance' && source.grievanceId)
    return { label, detail: '点这里看村民反映的原事', grievanceId: source.grievanceId, petitionId: null }
  if (source.kind === 'petition' && source.petitionId)
    return { label, detail: '点这里看联名提议', grievanceId: null, petitionId: source.petitionId }
  if (source.kind === 'higher_assignment')
    return { label, detail: source.reference, grievanceId: null, petitionId: null }
  return { label, detail: null, grievanceId: null, petitionId: null }
}

// ---------- a closed meeting's result ----------

export interface ResultLine {
  outcome: MeetingOutcomeKind
  outcomeLabel: string
  tone: Tone
  quorumMet: boolean
  /** 应到 12 人，实到 9 人，达到法定人数 */
  attendanceText: string
  /** 同意 7 · 反对 1 · 弃权 1 */
  votesText: string
  /** the legal rule in the server's words: why it passed or failed */
  reason: string
}

const OUTCOME_TONES: Record<MeetingOutcomeKind, Tone> = {
  passed: 'done',
  failed: 'stopped',
  not_quorate: 'waiting',
}

export const votesText = (v: Votes): string => `同意 ${v.yes} · 反对 ${v.no} · 弃权 ${v.abstain}`

export function resultLine(r: MeetingResultView): ResultLine {
  const quorumMet = r.outcome !== 'not_quorate'
  const households =
    r.quorumBy === 'households' && r.households
      ? `，${r.households.represented ?? 0} 户（共 ${r.households.total} 户）有人到会`
      : ''
  return {
    outcome: r.outcome,
    outcomeLabel: MEETING_OUTCOME_LABELS[r.outcome],
    tone: OUTCOME_TONES[r.outcome],
    quorumMet,
    attendanceText: `应到 ${r.due} 人，实到 ${r.present} 人${households}，${quorumMet ? '达到法定人数' : '未达法定人数'}`,
    votesText: votesText(r.votes),
    reason: r.reason,
  }
}

// ---------- the procedure as a list of steps ----------

export type StepState = 'done' | 'current' | 'upcoming' | 'stopped'

export interface MeetingLine {
  id: number
  bodyLabel: string
  /** 3月5日 14:30 · 村委会会议室 */
  when: string
  location: string
  ballotLabel: string
  statusLabel: string
  /** a meeting the reader can open (scheduled, in session or closed) */
  openable: boolean
  result: ResultLine | null
}

export interface StepView {
  key: StepKey
  index: number
  label: string
  /** who holds it: 党员大会, 村民会议或村民代表会议 … */
  bodyLabel: string
  state: StepState
  /** 待安排会议 / 会议进行中 / 已完成 … for the current step; the outcome for a finished one */
  phaseLabel: string
  deciding: boolean
  meetings: MeetingLine[]
  /** what the record says of the step apart from meetings: published, rejected with a reason … */
  notes: string[]
  notices: NoticeView[]
}

const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: '已发通知',
  in_session: '正在开会',
  closed: '已结束',
  cancelled: '已取消',
  lapsed: '没有按时召开，已失效',
  voided: '记录被改动，表决作废',
}

const BALLOT_LABELS: Record<BallotKind, string> = { open: '公开表决', secret: '无记名投票' }
export const ballotLabel = (b: BallotKind): string => BALLOT_LABELS[b]

export function meetingLine(m: MeetingSummary, now: Date = new Date()): MeetingLine {
  return {
    id: m.id,
    bodyLabel: m.bodyLabel || DELIBERATION_BODY_LABELS[m.body],
    when: formatTime(m.meetingAt, now),
    location: m.location,
    ballotLabel: ballotLabel(m.ballot),
    statusLabel: MEETING_STATUS_LABELS[m.status],
    openable: m.status !== 'cancelled',
    result: m.result ? resultLine(m.result) : null,
  }
}

const isClosedStatus = (s: DeliberationStatus) => s === 'completed' || s === 'not_adopted' || s === 'rejected'

function recordNote(h: StepRecord): string | null {
  if (h.meeting) return null
  const label = STEP_OUTCOME_LABELS[h.outcome as StepOutcome] ?? h.outcome
  return h.reason ? `${label}：${h.reason}` : label
}

/** The whole procedure, top to bottom, with what happened at each step so far. */
export function stepList(d: DeliberationDetail, now: Date = new Date()): StepView[] {
  const current = d.procedure.steps.findIndex((s) => s.key === d.step)
  const closed = isClosedStatus(d.status)
  return d.procedure.steps.map((s, index) => {
    let state: StepState
    if (index < current) state = 'done'
    else if (index > current) state = closed ? 'stopped' : 'upcoming'
    else if (d.status === 'completed' || d.phase === 'done') state = 'done'
    else state = closed ? 'stopped' : 'current'
    const records = d.history.filter((h) => h.step === s.key)
    const last = records.at(-1)
    let phaseLabel = ''
    if (state === 'current') phaseLabel = d.phaseLabel
    else if (state === 'done') phaseLabel = last ? (STEP_OUTCOME_LABELS[last.outcome] ?? '已完成') : '已完成'
    else if (state === 'stopped' && index === current && last) phaseLabel = STEP_OUTCOME_LABELS[last.outcome]
    else if (state === 'stopped') phaseLabel = '未进行'
    else phaseLabel = '未开始'
    return {
      key: s.key,
      index: index + 1,
      label: s.label,
      bodyLabel: s.bodies.map((b) => DELIBERATION_BODY_LABELS[b]).join('或'),
      state,
      phaseLabel,
      deciding: s.deciding,
      meetings: d.meetings.filter((m) => m.step === s.key).map((m) => meetingLine(m, now)),
      notes: records.map(recordNote).filter((x): x is string => x !== null),
      notices: d.notices.filter((n) =>
        s.key === 'publish_resolution'
          ? n.category === 'resolution'
          : s.key === 'publish_results'
            ? n.category === 'implementation'
            : false,
      ),
    }
  })
}

/** The meeting of the current step that is not finished, which the page links to first. */
export function liveMeeting(d: DeliberationDetail): MeetingSummary | null {
  return (
    d.meetings.find((m) => m.step === d.step && (m.status === 'scheduled' || m.status === 'in_session')) ??
    null
  )
}

// ---------- what the committee can do on the detail page ----------

export interface CommitteeButtons {
  /** 安排会议 for the current step */
  schedule: boolean
  /** the meeting page has 开始会议 / 登记签到 / 结束表决 */
  runMeeting: boolean
  /** 发布实施结果 (or 决议公开 when it was not published by itself) */
  publish: boolean
  reject: boolean
}

export function committeeButtons(d: DeliberationDetail): CommitteeButtons {
  const a = new Set(d.actions)
  return {
    schedule: a.has('schedule_meeting'),
    runMeeting: a.has('open') || a.has('record_attendance') || a.has('record_result'),
    publish: a.has('publish'),
    reject: a.has('reject'),
  }
}

/** The notices a supervisor may still give an opinion on. */
export const noticesAwaitingOpinion = (d: DeliberationDetail): NoticeView[] =>
  d.notices.filter((n) => n.supervisionOpinion === null)

// ---------- Art 24 matters, in plain words ----------

/** What each matter type means, so a committee member picks the right one. */
export const MATTER_HELP: Record<MatterType, string> = {
  ordinary: '不涉及下面几类的一般村务，可以由村民会议或村民代表会议决定。',
  lost_work_subsidy: '哪些村干部、办事人员拿误工补贴，每天补多少。',
  collective_income: '村集体的收入（租金、分红等）怎么用、怎么分。',
  public_works: '修路、修桥、建水池等公益事业，钱和工从哪来，工程包给谁。',
  land_contracting: '承包地怎么分、怎么调整、承包多少年。',
  collective_economic_project: '村集体办的项目立不立、包给谁、怎么包。',
  homestead: '宅基地分给谁、怎么批、怎么用。',
  land_compensation: '土地被征收后，补偿款怎么用、怎么分到户。',
  collective_property_disposal: '把村集体的房、地、设备借出去、租出去或者卖掉。',
  assembly_reserved: '村民会议说过要由它自己决定的其他事。',
}

export interface MatterOption {
  value: MatterType
  label: string
  help: string
  /** 《村民委员会组织法》第二十四条: only the villagers' meeting (or the representatives it empowered) decides */
  reserved: boolean
}

export const MATTER_OPTIONS: readonly MatterOption[] = (
  [
    'ordinary',
    'public_works',
    'collective_income',
    'land_contracting',
    'homestead',
    'land_compensation',
    'collective_economic_project',
    'collective_property_disposal',
    'lost_work_subsidy',
    'assembly_reserved',
  ] as const
).map((value) => ({
  value,
  label: MATTER_TYPE_LABELS[value],
  help: MATTER_HELP[value],
  reserved: value !== 'ordinary',
}))

export const RESERVED_MATTER_NOTE =
  '这是《村民委员会组织法》第二十四条规定的事项，决议这一步只能由村民会议决定；村民会议授权过的，也可以由村民代表会议决定。'
