import { DAY_MS } from './grievance'
import {
  checkInTimeRule,
  checkNoticeDays,
  chinaTimeLabel,
  countedNoticeAt,
  earliestMeetingAt,
  meetingMoment,
  meetingTimes,
  openTimeRule,
  votingTimeRule,
  type MeetingRowStatus,
} from './meeting-time'

const MIN = 60_000
/** 19:30 on 2025-03-05 in Beijing */
const AT = new Date('2025-03-05T11:30:00Z')
const after = (ms: number) => new Date(AT.getTime() + ms)
const meeting = (status: MeetingRowStatus, lead = 30) => ({ status, meetingAt: AT, checkInLeadMinutes: lead })
const verdict = (v: { ok: true } | { ok: false; code: string }) => (v.ok ? 'ok' : v.code)

describe('the time of a meeting', () => {
  it('says the time in Beijing', () => {
    expect(chinaTimeLabel(AT)).toBe('3月5日 19:30')
  })

  it('opens check-in the set minutes before, voting at the announced time, and lapses a day later', () => {
    expect(meetingTimes(AT, 30)).toEqual({
      checkInOpensAt: after(-30 * MIN),
      votingOpensAt: AT,
      lapsesAt: after(DAY_MS),
    })
    expect(
      [-31 * MIN, -30 * MIN, -1, 0, DAY_MS - 1, DAY_MS].map((ms) => meetingMoment(AT, 30, after(ms))),
    ).toEqual(['before_check_in', 'check_in', 'check_in', 'due', 'due', 'lapsed'])
  })

  it('opens the meeting only from its announced time, and names that time when refusing', () => {
    const early = openTimeRule(meeting('scheduled'), after(-MIN))
    expect(early).toMatchObject({ ok: false, code: 'DELIBERATION_MEETING_TOO_EARLY' })
    expect(!early.ok && early.reason).toContain('3月5日 19:30')
    expect(verdict(openTimeRule(meeting('scheduled'), AT))).toBe('ok')
    expect(verdict(openTimeRule(meeting('scheduled'), after(DAY_MS)))).toBe('DELIBERATION_MEETING_LAPSED')
  })

  it('takes check-ins from the lead time on, before and after the opening', () => {
    const at = (status: MeetingRowStatus, ms: number, lead = 30) =>
      verdict(checkInTimeRule(meeting(status, lead), after(ms)))
    expect(at('scheduled', -31 * MIN)).toBe('DELIBERATION_CHECK_IN_NOT_YET')
    expect(at('scheduled', -30 * MIN)).toBe('ok')
    expect(at('scheduled', -30 * MIN, 0)).toBe('DELIBERATION_CHECK_IN_NOT_YET')
    expect(at('in_session', 2 * DAY_MS)).toBe('ok')
    // a row someone set in session before its time still takes no early check-in
    expect(at('in_session', -31 * MIN)).toBe('DELIBERATION_CHECK_IN_NOT_YET')
    expect(at('scheduled', DAY_MS)).toBe('DELIBERATION_MEETING_LAPSED')
    expect(at('lapsed', 0)).toBe('DELIBERATION_MEETING_LAPSED')
    expect(at('closed', 0)).toBe('DELIBERATION_VOTING_CLOSED')
    expect(at('cancelled', 0)).toBe('DELIBERATION_VOTING_CLOSED')
  })

  it('takes ballots only in session and never before the announced time', () => {
    const at = (status: MeetingRowStatus, ms: number) => verdict(votingTimeRule(meeting(status), after(ms)))
    expect(at('scheduled', -10 * MIN)).toBe('DELIBERATION_VOTING_NOT_YET')
    expect(at('in_session', -1)).toBe('DELIBERATION_VOTING_NOT_YET')
    expect(at('scheduled', 0)).toBe('DELIBERATION_MEETING_NOT_OPEN')
    expect(at('in_session', 0)).toBe('ok')
    expect(at('in_session', 3 * DAY_MS)).toBe('ok')
    expect(at('closed', 0)).toBe('DELIBERATION_VOTING_CLOSED')
    expect(at('lapsed', 0)).toBe('DELIBERATION_MEETING_LAPSED')
  })
})

describe('the notice that counts', () => {
  const system = new Date('2025-03-01T02:00:00Z')
  const paper = new Date('2025-02-18T01:00:00Z')

  it('is the system’s publication until a supervisor confirms an earlier paper notice', () => {
    expect(countedNoticeAt({ noticeAt: system, paperNoticeAt: paper, paperNoticeConfirmedAt: null })).toBe(
      system,
    )
    expect(countedNoticeAt({ noticeAt: system, paperNoticeAt: paper, paperNoticeConfirmedAt: system })).toBe(
      paper,
    )
    expect(countedNoticeAt({ noticeAt: system, paperNoticeAt: null, paperNoticeConfirmedAt: null })).toBe(
      system,
    )
    // a paper notice posted after the system's adds nothing
    const later = new Date(system.getTime() + DAY_MS)
    expect(countedNoticeAt({ noticeAt: system, paperNoticeAt: later, paperNoticeConfirmedAt: later })).toBe(
      system,
    )
  })

  it('counts calendar days and names the earliest lawful day', () => {
    const rule = { minDays: 10, agendaRequired: true, planRequired: false }
    expect(chinaTimeLabel(earliestMeetingAt(rule, system))).toBe('3月11日 00:00')
    expect(verdict(checkNoticeDays(rule, system, new Date('2025-03-10T15:59:59Z')))).toBe(
      'DELIBERATION_NOTICE_TOO_SHORT',
    )
    expect(verdict(checkNoticeDays(rule, system, new Date('2025-03-10T16:00:00Z')))).toBe('ok')
  })

  it('lets a meeting without notice days be set for the minute the notice goes out, and no earlier', () => {
    const none = { minDays: 0, agendaRequired: false, planRequired: false }
    expect(verdict(checkNoticeDays(none, system, new Date(system.getTime() - 4 * MIN)))).toBe('ok')
    expect(verdict(checkNoticeDays(none, system, new Date(system.getTime() - 6 * MIN)))).toBe(
      'DELIBERATION_NOTICE_TOO_SHORT',
    )
  })
})
