import type { SchedulePreview } from '@xiangli/shared'
import {
  checkRescheduleForm,
  checkScheduleForm,
  compositionWarnings,
  earliestText,
  emptyScheduleForm,
} from './deliberationSchedule'

// 2026-11-25 22:30 in Beijing, by the server's clock
const NOW = new Date('2026-11-25T14:30:00.000Z')

const preview = (over: Partial<SchedulePreview> = {}): SchedulePreview => ({
  step: 'decide',
  body: 'villagers_meeting',
  notice: { minDays: 10, agendaRequired: true, planRequired: false },
  noticeAt: NOW.toISOString(),
  earliestMeetingAt: '2026-12-04T16:00:00.000Z',
  earliestDay: '2026-12-05',
  stepSince: '2026-11-10T02:00:00.000Z',
  members: 40,
  composition: null,
  checkInLeadMinutes: 30,
  ...over,
})

const filled = () => ({
  ...emptyScheduleForm('villagers_meeting', preview(), NOW),
  agenda: '修建村东头便民桥',
  agendaPublished: true,
})

describe('the schedule form', () => {
  it('proposes the earliest lawful day the server worked out, and asks no notice date', () => {
    const f = emptyScheduleForm('villagers_meeting', preview({ earliestDay: '2026-12-07' }), NOW)
    expect(f.date).toBe('2026-12-07')
    expect(f).not.toHaveProperty('noticeDate')
    expect(emptyScheduleForm('party_branch', null, NOW).date).toBe('2026-11-25')
  })

  it('says the earliest day on a notice sent today, and with a paper notice once confirmed', () => {
    expect(earliestText(filled(), preview(), NOW)).toBe('按今天发出通知，最早12月5日开会。')
    expect(
      earliestText({ ...filled(), paper: true, paperDate: '2026-11-14', paperTime: '09:00' }, preview(), NOW),
    ).toBe('按今天发出通知，最早12月5日开会；纸质通知11月14日张贴的，经监督委员会确认后最早11月24日开会。')
    expect(earliestText(emptyScheduleForm('party_branch', null, NOW), null, NOW)).toBeNull()
  })

  it('sends no notice time: the notice goes out when the server receives it', () => {
    const r = checkScheduleForm(filled(), 'decide', { now: NOW, preview: preview(), photoIds: [] })
    expect(r).toEqual({
      ok: true,
      value: {
        step: 'decide',
        body: 'villagers_meeting',
        meetingAt: '2026-12-05T11:30:00.000Z',
        location: '村委会会议室',
        agenda: '修建村东头便民桥',
        agendaPublished: true,
        planSent: false,
        ballot: 'open',
      },
    })
  })

  it('refuses a day within ten days of today, naming the earliest day', () => {
    const r = checkScheduleForm({ ...filled(), date: '2026-11-30' }, 'decide', {
      now: NOW,
      preview: preview(),
      photoIds: [],
    })
    expect(!r.ok && r.errors.date).toBe('要提前 10 天通知，现在只提前了 5 天，最早12月5日开会')
  })

  it('sends a paper notice with its photos, and lets the day lean on it', () => {
    const r = checkScheduleForm(
      { ...filled(), date: '2026-11-26', paper: true, paperDate: '2026-11-14', paperTime: '09:00' },
      'decide',
      { now: NOW, preview: preview(), photoIds: [31] },
    )
    expect(r.ok && r.value.paperNotice).toEqual({ postedAt: '2026-11-14T01:00:00.000Z', photoIds: [31] })
  })

  it('refuses a paper notice without a photo, from the future, or from before the step began', () => {
    const paper = { ...filled(), paper: true, paperDate: '2026-11-14', paperTime: '09:00' }
    const at = (over: Partial<typeof paper>, photoIds: number[] = [31]) => {
      const r = checkScheduleForm({ ...paper, ...over }, 'decide', { now: NOW, preview: preview(), photoIds })
      return r.ok ? null : r.errors
    }
    expect(at({}, [])).toEqual({ paper: '请拍一张纸质通知贴在公告栏上的照片' })
    expect(at({ paperDate: '2026-11-26' })?.paperDate).toBe('张贴时间不能晚于现在')
    expect(at({ paperDate: '2026-11-09' })?.paperDate).toBe('这一步11月10日才开始，纸质通知不能早于那时')
  })

  it('shows the Art 25 warning the server sent for a representatives’ meeting, and none for others', () => {
    const warnings = [
      '村民代表应占村民代表会议组成人员的五分之四以上：现在组成人员 9 人，其中村民代表 6 人，至少要 8 人',
    ]
    const reps = preview({
      body: 'representatives_meeting',
      composition: {
        members: 9,
        representatives: 6,
        womenRepresentatives: 3,
        representativesNeeded: 8,
        womenNeeded: 3,
        representativesOk: false,
        womenOk: true,
        warnings,
      },
    })
    expect(compositionWarnings({ body: 'representatives_meeting' }, reps)).toEqual(warnings)
    expect(compositionWarnings({ body: 'villagers_meeting' }, reps)).toEqual([])
  })
})

describe('the reschedule form', () => {
  const f = {
    body: 'villagers_meeting' as const,
    date: '2026-12-05',
    time: '19:30',
    location: '村委会',
    agendaPublished: true,
    planSent: false,
    reason: ' 暴雨 ',
  }

  it('sends the new time as a fresh notice', () => {
    expect(checkRescheduleForm(f, 'decide', { now: NOW, preview: preview() })).toEqual({
      ok: true,
      value: {
        step: 'decide',
        meetingAt: '2026-12-05T11:30:00.000Z',
        location: '村委会',
        agendaPublished: true,
        planSent: false,
        reason: '暴雨',
      },
    })
  })

  it('counts the days again from today', () => {
    const r = checkRescheduleForm({ ...f, date: '2026-12-01' }, 'decide', { now: NOW, preview: preview() })
    expect(!r.ok && r.errors.date).toBe('改期是重新通知，要从今天起提前 10 天，最早12月5日开会')
  })
})
