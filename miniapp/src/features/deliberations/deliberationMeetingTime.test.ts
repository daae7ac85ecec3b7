import type { MeetingSummary, MeetingView, PaperNoticeView } from '@xiangli/shared'
import {
  clerkWaitText,
  lapsedMeeting,
  meetingTimeLines,
  nextActorLine,
  paperNoticeLine,
} from './deliberationMeetingTime'

const timing = (moment: MeetingView['timing']['moment']): MeetingView['timing'] => ({
  checkInOpensAt: '2026-12-05T11:00:00.000Z',
  votingOpensAt: '2026-12-05T11:30:00.000Z',
  lapsesAt: '2026-12-06T11:30:00.000Z',
  moment,
  now: '2026-12-05T10:00:00.000Z',
})

const paper = (over: Partial<PaperNoticeView> = {}): PaperNoticeView => ({
  postedAt: '2026-11-24T01:00:00.000Z',
  photos: [],
  recordedBy: '张丽',
  confirmedAt: null,
  confirmedBy: null,
  ...over,
})

describe('the time of a meeting on its page', () => {
  it('says when it sits, when check-in opens and when it lapses', () => {
    expect(meetingTimeLines({ status: 'scheduled', timing: timing('before_check_in') })).toEqual([
      { label: '开会时间', value: '12月5日 19:30（到时才能开始会议和表决）' },
      { label: '签到', value: '12月5日 19:00 起' },
      { label: '最晚', value: '12月6日 19:30 前没有开始，会议失效，要重新通知' },
    ])
    expect(meetingTimeLines({ status: 'in_session', timing: timing(null) })).toHaveLength(2)
  })

  it('tells the clerk why 开始会议 is not there yet, and what to do once the meeting lapsed', () => {
    const at = (over: Partial<Pick<MeetingView, 'status' | 'timing' | 'paperNotice'>>, canOpen = false) =>
      clerkWaitText(
        { status: 'scheduled', timing: timing('check_in'), paperNotice: null, ...over },
        { records: true, canOpen },
      )
    expect(at({})).toBe('会议通知的开会时间是12月5日 19:30，到时才能点“开始会议”。')
    expect(at({ timing: timing('due') }, true)).toBe('到了开会的时间，点“开始会议”，参会的人就能签到和表决。')
    expect(at({ status: 'lapsed', timing: timing(null) })).toContain('已经失效。请重新安排时间')
    expect(at({ timing: timing('lapsed') })).toContain('已经失效')
    expect(at({ timing: timing('due'), paperNotice: paper() })).toContain('纸质通知还没有经监督委员会确认')
    expect(at({ status: 'in_session', timing: timing(null) })).toBeNull()
    expect(
      clerkWaitText(
        { status: 'scheduled', timing: timing('check_in'), paperNotice: null },
        { records: false, canOpen: false },
      ),
    ).toBeNull()
  })

  it('describes a paper notice before and after a supervisor confirmed it', () => {
    expect(paperNoticeLine(paper())).toEqual({
      text: '纸质通知11月24日 09:00张贴（张丽登记），等待监督委员会对照照片确认',
      confirmed: false,
    })
    expect(
      paperNoticeLine(paper({ confirmedAt: '2026-11-25T02:00:00.000Z', confirmedBy: '赵国强' })),
    ).toEqual({
      text: '纸质通知11月24日 09:00张贴（张丽登记），已由赵国强确认，通知时间按张贴的时间算',
      confirmed: true,
    })
  })
})

describe('the deliberation page', () => {
  const m = (over: Partial<MeetingSummary>): MeetingSummary => ({
    id: 3,
    step: 'decide',
    body: 'villagers_meeting',
    bodyLabel: '村民会议',
    meetingAt: '2026-12-05T11:30:00.000Z',
    noticeAt: '2026-11-25T02:00:00.000Z',
    countedNoticeAt: '2026-11-25T02:00:00.000Z',
    paperNoticePending: false,
    location: '村委会',
    ballot: 'open',
    status: 'lapsed',
    result: null,
    ...over,
  })

  it('offers to reschedule the lapsed meeting of the step under way, and no other', () => {
    const d = {
      status: 'in_progress' as const,
      step: 'decide' as const,
      phase: 'pending' as const,
      meetings: [m({})],
    }
    expect(lapsedMeeting(d)?.id).toBe(3)
    expect(lapsedMeeting({ ...d, meetings: [m({}), m({ id: 4, status: 'cancelled' })] })).toBeNull()
    expect(lapsedMeeting({ ...d, phase: 'scheduled' })).toBeNull()
    expect(lapsedMeeting({ ...d, meetings: [m({ step: 'review' })] })).toBeNull()
  })

  it('names whom the deliberation waits for, or tells the caller it is their turn', () => {
    const next = {
      action: '提议',
      roles: ['party_secretary' as const],
      names: ['李建华'],
      text: '等待党组织书记 李建华 提议',
      isMe: false,
    }
    expect(nextActorLine({ nextActor: next })).toEqual({ text: '等待党组织书记 李建华 提议', mine: false })
    expect(nextActorLine({ nextActor: { ...next, isMe: true } })).toEqual({
      text: '轮到您：提议',
      mine: true,
    })
    expect(nextActorLine({ nextActor: null })).toBeNull()
  })
})
