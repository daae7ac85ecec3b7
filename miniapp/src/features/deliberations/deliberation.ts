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
  CHOICE_LABELS,
  STEP_OUTCOME_LABELS,
  chinaTimeLabel,
  isSelfGoverningUnit,
  type BallotKind,
  type Choice,
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

// ---------- the live quorum ----------

export interface QuorumDisplay {
  met: boolean
  /** 已到 12 人 / 需要 22 人 */
  headline: string
  /** 0–100 for the bar, by the criterion closest to being met */
  percent: number
  lines: string[]
  /** 已达到法定人数，可以表决 / 还差 10 人 */
  verdict: string
}

export function quorumDisplay(q: Pick<QuorumView, 'attendance' | 'quorum'>): QuorumDisplay {
  const lines = q.quorum.criteria.map((c) => {
    const unit = c.count === 'persons' ? '人' : '户'
    const what = c.count === 'persons' ? `按人数：应到 ${c.of} 人` : `按户数：共 ${c.of} 户`
    return `${what}，需要 ${c.needed} ${unit}，已到 ${c.counted} ${unit}${c.met ? '，已达到' : ''}`
  })
  const best =
    q.quorum.criteria.find((c) => c.met) ??
    [...q.quorum.criteria].sort((a, b) => b.counted / (b.needed || 1) - a.counted / (a.needed || 1))[0]
  const persons = q.quorum.criteria.find((c) => c.count === 'persons')
  const needed = persons?.needed ?? best?.needed ?? 0
  const headline = `已到 ${q.attendance.present} 人 / 需要 ${needed} 人`
  const percent = best ? Math.min(100, Math.round((best.counted / Math.max(1, best.needed)) * 100)) : 0
  let verdict: string
  if (q.quorum.met)
    verdict = q.quorum.by === 'households' ? '按户数已达到法定人数，可以表决' : '已达到法定人数，可以表决'
  else if (best) {
    const unit = best.count === 'persons' ? '人' : '户'
    verdict = `还差 ${Math.max(0, best.needed - best.counted)} ${unit}才达到法定人数`
  } else verdict = '还没有人到会'
  return { met: q.quorum.met, headline, percent, lines, verdict }
}

/** How often the meeting page asks again while the meeting is open, in milliseconds. */
export const QUORUM_POLL_MS = 5000

// ---------- my check-in and vote ----------

export type VoteStage =
  /** check-in has not begun: the notice only */
  | 'not_open'
  /** I am not on the frozen list of this body */
  | 'not_member'
  | 'check_in'
  /** checked in before the meeting opened: the vote waits for the announced time */
  | 'checked_in'
  | 'vote'
  | 'voted'
  | 'closed'

export interface VoteButtons {
  stage: VoteStage
  /** a sentence under the buttons */
  hint: string
}

/**
 * My check-in and vote. Check-in opens a little before the announced time (the server's `timing`
 * says when, by its own clock); the vote only once the meeting has opened, never before that time.
 */
export function voteButtons(
  m: Pick<MeetingView, 'status' | 'members' | 'ballot'> & { timing?: MeetingView['timing'] },
  voted: boolean,
): VoteButtons {
  const me = m.members.find((x) => x.isMe) ?? null
  if (m.status === 'closed' || m.status === 'cancelled' || m.status === 'lapsed')
    return {
      stage: 'closed',
      hint:
        m.status === 'cancelled'
          ? '这次会议已取消'
          : m.status === 'lapsed'
            ? '会议没有按时召开，已经失效。两委重新安排后会再通知您。'
            : voted
              ? '表决已结束，您投过票了'
              : '表决已结束',
    }
  if (!me) return { stage: 'not_member', hint: '您不在这次会议的参会名单上，可以看会议情况和结果。' }
  if (m.status === 'scheduled') {
    const t = m.timing
    const at = t ? chinaTimeLabel(new Date(t.votingOpensAt)) : null
    if (t?.moment === 'lapsed')
      return { stage: 'closed', hint: '会议过了开会时间一天还没有开始，已经失效。两委重新安排后会再通知您。' }
    if (t && t.moment !== 'before_check_in')
      return me.present
        ? { stage: 'checked_in', hint: `已签到。会议${at}开始，两委开始会议后就能表决。` }
        : { stage: 'check_in', hint: `签到已经开始。会议${at}开始，签到后等会议开始就能表决。` }
    return {
      stage: 'not_open',
      hint: t
        ? `会议${at}开始，${chinaTimeLabel(new Date(t.checkInOpensAt))}起可以签到，会议开始后才能表决。`
        : '会议开始后，到了会场点“我已到会”签到，然后就能表决。',
    }
  }
  if (!me.present) return { stage: 'check_in', hint: '到了会场请先签到，签到后才能表决。' }
  if (voted)
    return {
      stage: 'voted',
      hint: m.ballot === 'secret' ? '已投票。无记名投票，谁也看不到您投了什么。' : '已投票',
    }
  return {
    stage: 'vote',
    hint: m.ballot === 'secret' ? '这是无记名投票，谁也看不到您投了什么。' : '这是公开表决。',
  }
}

export function confirmVoteText(choice: Choice, ballot: BallotKind): string {
  const tail = ballot === 'secret' ? '无记名投票，投出后不能更改。' : '公开表决，投出后不能更改。'
  return `您投的是“${CHOICE_LABELS[choice]}”。${tail}`
}

/** The key under which the phone remembers that I voted (never what). */
export const votedKey = (accountId: number, meetingId: number): string =>
  `xl.deliberation.voted.${accountId}.${meetingId}`

// ---------- the clerk ----------

/** Members not yet signed in, which the clerk may tick from the paper sheet. */
export const absentMembers = (members: readonly MeetingMemberLine[]): MeetingMemberLine[] =>
  members.filter((m) => !m.present)

export function toggle(selected: readonly number[], id: number): number[] {
  return selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]
}

export interface CountInput {
  yes: string
  no: string
  abstain: string
}

/**
 * The clerk's count of hands or paper ballots, for those who did not vote on their phone. The
 * server adds the phone ballots and refuses a total above those present; this catches typing.
 */
export function checkCount(
  input: CountInput,
  present: number,
): { ok: true; counted: Votes } | { ok: false; error: string } {
  const parsed: Partial<Votes> = {}
  for (const k of ['yes', 'no', 'abstain'] as const) {
    const raw = input[k].trim()
    if (raw === '') {
      parsed[k] = 0
      continue
    }
    if (!/^\d{1,7}$/.test(raw)) return { ok: false, error: `${CHOICE_LABELS[k]}的票数只能填 0 或正整数` }
    parsed[k] = Number(raw)
  }
  const counted = parsed as Votes
  if (counted.yes + counted.no + counted.abstain > present)
    return { ok: false, error: `同意、反对、弃权加起来不能超过到会的 ${present} 人` }
  return { ok: true, counted }
}
