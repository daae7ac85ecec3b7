/**
 * A meeting's time and notice as the pages say them: when check-in and the vote open, why the clerk
 * has no 开始会议 yet, a paper notice waiting for the supervisors, a meeting that lapsed, and who the
 * deliberation waits for. The server decides; the times and "where the meeting stands" come from its
 * clock (`timing`), so a phone set to the wrong day shows the right thing.
 */
import {
  chinaTimeLabel,
  type DeliberationView,
  type MeetingSummary,
  type MeetingView,
  type PaperNoticeView,
} from '@xiangli/shared'

const at = (iso: string) => chinaTimeLabel(new Date(iso))

export interface TimeLine {
  label: string
  value: string
}

/** 开会时间 / 签到 / 失效: what the notice promised, in Beijing time. */
export function meetingTimeLines(m: Pick<MeetingView, 'status' | 'timing'>): TimeLine[] {
  const t = m.timing
  const lines: TimeLine[] = [
    { label: '开会时间', value: `${at(t.votingOpensAt)}（到时才能开始会议和表决）` },
    { label: '签到', value: `${at(t.checkInOpensAt)} 起` },
  ]
  if (m.status === 'scheduled')
    lines.push({ label: '最晚', value: `${at(t.lapsesAt)} 前没有开始，会议失效，要重新通知` })
  return lines
}

const LAPSED_TEXT = '会议过了开会时间一天还没有开始，已经失效。请重新安排时间，参会的人会收到改期通知。'

/**
 * For those who run the meeting: why 开始会议 is not there yet, or what to do now. Null for a
 * meeting already under way or over, and for anyone else.
 */
export function clerkWaitText(
  m: Pick<MeetingView, 'status' | 'timing' | 'paperNotice'>,
  o: { records: boolean; canOpen: boolean },
): string | null {
  if (!o.records) return null
  if (m.status === 'lapsed') return LAPSED_TEXT
  if (m.status !== 'scheduled') return null
  if (m.timing.moment === 'lapsed') return LAPSED_TEXT
  const paper =
    m.paperNotice && m.paperNotice.confirmedAt === null
      ? '纸质通知还没有经监督委员会确认，确认前通知时间按系统发出的时间算，天数不够的会议不能开始。'
      : ''
  if (m.timing.moment !== 'due')
    return `会议通知的开会时间是${at(m.timing.votingOpensAt)}，到时才能点“开始会议”。${paper}`
  if (o.canOpen) return `到了开会的时间，点“开始会议”，参会的人就能签到和表决。${paper}`
  return paper || null
}

/** 纸质通知 3月1日 09:00 张贴（张丽登记），等待监督委员会确认 / 已由赵国强确认 */
export function paperNoticeLine(p: PaperNoticeView): { text: string; confirmed: boolean } {
  const head = `纸质通知${at(p.postedAt)}张贴（${p.recordedBy}登记）`
  return p.confirmedAt
    ? { text: `${head}，已由${p.confirmedBy ?? '监督委员会'}确认，通知时间按张贴的时间算`, confirmed: true }
    : { text: `${head}，等待监督委员会对照照片确认`, confirmed: false }
}

/** The meeting of the current step that lapsed, which the committee reschedules. */
export function lapsedMeeting(
  d: Pick<DeliberationView, 'meetings' | 'step' | 'phase' | 'status'>,
): MeetingSummary | null {
  if (d.status !== 'in_progress' || d.phase !== 'pending') return null
  const last = d.meetings.filter((m) => m.step === d.step).at(-1)
  return last?.status === 'lapsed' ? last : null
}

/** Who the deliberation waits for: "等待党组织书记 李建华 提议", or "轮到您：提议". */
export function nextActorLine(
  d: Pick<DeliberationView, 'nextActor'>,
): { text: string; mine: boolean } | null {
  const n = d.nextActor
  if (!n) return null
  return n.isMe ? { text: `轮到您：${n.action}`, mine: true } : { text: n.text, mine: false }
}
