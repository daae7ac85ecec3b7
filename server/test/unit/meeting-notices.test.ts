import {
  buildProcedure,
  decidingStep,
  startDeliberation,
  type DeliberationEvent,
  type MeetingReschedule,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { Clock } from '../../src/core/clock/clock'
import { AppException } from '../../src/core/errors/app.exception'
import type { TxService } from '../../src/core/tx/tx.service'
import type { DeliberationStore } from '../../src/modules/deliberations/deliberation-store'
import type { Deliberation } from '../../src/modules/deliberations/entities/deliberation.entity'
import type { DeliberationMeeting } from '../../src/modules/deliberations/entities/meeting.entity'
import { meetingTiming } from '../../src/modules/deliberations/meeting-notices.presenter'
import type { MeetingNoticesRepository } from '../../src/modules/deliberations/meeting-notices.repository'
import { MeetingNoticePreview } from '../../src/modules/deliberations/use-cases/meeting-notice-preview'
import { MeetingNoticeReschedule } from '../../src/modules/deliberations/use-cases/meeting-notice-reschedule'
import type { NotifyService } from '../../src/modules/inbox/notify.service'
import { TestClock } from './support/notices-memory'
import { viewerWith } from './support/viewer'

// who would be summoned is the roster's business, not the notice's: two members, no make-up to show
jest.mock('../../src/modules/deliberations/meeting-members', () => ({
  bodyMembers: async () => [{ id: 1 }, { id: 2 }],
  compositionOf: async () => null,
}))

const VILLAGE = 7
const MINUTE = 60_000
const M = {} as EntityManager
const PROCEDURE = buildProcedure({ procedureVariant: 'siyi_liang_gongkai', yijiantiao: false })
const DECIDING = decidingStep(PROCEDURE)

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(AppException)
  return (e as AppException).code
}

/** A deliberation at its deciding step with one meeting, in a village whose lead time the test sets. */
function setUp(opts: { now: string; leadMinutes?: number | null; meeting?: Partial<DeliberationMeeting> }) {
  const clock = new TestClock(new Date(opts.now))
  const settings = { leadMinutes: opts.leadMinutes ?? null }
  const d = {
    id: 4,
    villageId: VILLAGE,
    title: '修村道',
    procedure: PROCEDURE,
    state: { ...startDeliberation(PROCEDURE, new Date('2026-05-01T00:00:00Z')), step: DECIDING.key },
    createdAt: new Date('2026-04-30T00:00:00Z'),
  } as unknown as Deliberation
  const meeting = {
    id: 9,
    deliberationId: d.id,
    villageId: VILLAGE,
    body: 'villagers_meeting',
    ballot: 'open',
    status: 'scheduled',
    meetingAt: new Date('2026-06-01T01:00:00Z'),
    noticeAt: new Date('2026-05-20T01:00:00Z'),
    location: '村委会',
    checkInLeadMinutes: 30,
    paperNoticeAt: new Date('2026-05-20T00:00:00Z'),
    paperNoticeConfirmedAt: new Date('2026-05-21T00:00:00Z'),
    ...opts.meeting,
  } as DeliberationMeeting
  const applied: DeliberationEvent[] = []
  const updates: Partial<DeliberationMeeting>[] = []
  const told: { title: string; accountIds: number[] }[] = []
  let checkIns = 0
  const store = {
    find: async () => d,
    meeting: async () => meeting,
    apply: async (_m: EntityManager, _d: Deliberation, e: DeliberationEvent) => void applied.push(e),
    memberAccounts: async () => [201, 202],
  } as unknown as DeliberationStore
  const repo = {
    reads: M,
    checkInLeadMinutes: async () => settings.leadMinutes,
    checkIns: async () => checkIns,
    updateMeeting: async (_m: EntityManager, _id: number, set: Partial<DeliberationMeeting>) =>
      void updates.push(set),
  } as unknown as MeetingNoticesRepository
  const tx = { run: <T>(work: (m: EntityManager) => Promise<T>) => work(M) } as unknown as TxService
  const notify = {
    notify: async (_m: EntityManager, n: { title: string; accountIds: number[] }) => void told.push(n),
  } as unknown as NotifyService
  const preview = new MeetingNoticePreview(store, repo, clock as unknown as Clock)
  const reschedule = new MeetingNoticeReschedule(repo, store, preview, tx, notify, clock as unknown as Clock)
  const viewer = viewerWith({ [VILLAGE]: ['committee_member'] }, { accountId: 50 })
  const committee = {
    principal: viewer.principal,
    viewer,
    villageId: VILLAGE,
    role: 'committee_member' as const,
    actor: { accountId: 50, name: '李', role: 'committee_member' },
  }
  const moveTo = (meetingAt: string): MeetingReschedule => ({
    step: DECIDING.key,
    meetingAt: new Date(meetingAt),
    agendaPublished: true,
    planSent: false,
  })
  return {
    clock,
    settings,
    preview,
    reschedule,
    committee,
    applied,
    updates,
    told,
    moveTo,
    setCheckIns: (n: number) => (checkIns = n),
  }
}

describe('the notice a meeting needs, before it is sent', () => {
  it('gives a villagers’ meeting noticed now ten China-calendar days: the earliest day starts at midnight', async () => {
    // 23:30 in China on 20 May: the notice day is still 20 May
    const s = setUp({ now: '2026-05-20T15:30:00Z' })
    const p = await s.preview.preview(s.committee, 4, 'villagers_meeting')
    expect(p).toMatchObject({
      step: DECIDING.key,
      notice: { minDays: 10 },
      noticeAt: '2026-05-20T15:30:00.000Z',
      earliestDay: '2026-05-30',
      earliestMeetingAt: '2026-05-29T16:00:00.000Z',
      members: 2,
      stepSince: '2026-05-01T00:00:00.000Z',
    })
    // half an hour later it is 21 May in China, and the earliest day moves with it
    s.clock.advance(30 * MINUTE)
    expect((await s.preview.preview(s.committee, 4, 'villagers_meeting')).earliestDay).toBe('2026-05-31')
  })

  it('opens check-in the village’s lead time before the meeting, 30 minutes unless it set its own', async () => {
    const s = setUp({ now: '2026-05-20T02:00:00Z' })
    expect((await s.preview.preview(s.committee, 4, 'villagers_meeting')).checkInLeadMinutes).toBe(30)
    s.settings.leadMinutes = 45
    expect((await s.preview.preview(s.committee, 4, 'villagers_meeting')).checkInLeadMinutes).toBe(45)
  })

  it('refuses a body that does not hold the step', async () => {
    const s = setUp({ now: '2026-05-20T02:00:00Z' })
    expect(await refusal(s.preview.preview(s.committee, 4, 'publication'))).toBe(
      'DELIBERATION_BODY_NOT_ALLOWED',
    )
  })
})

describe('a new time for a meeting', () => {
  it('is a fresh notice: the days count again from now, the old paper notice no longer counts', async () => {
    const s = setUp({ now: '2026-05-25T02:00:00Z', leadMinutes: 60 })
    await s.reschedule.reschedule(s.committee, 4, 9, { ...s.moveTo('2026-06-10T01:00:00Z'), reason: '农忙' })
    expect(s.applied).toEqual([
      expect.objectContaining({
        type: 'reschedule_meeting',
        noticeAt: new Date('2026-05-25T02:00:00Z'),
        meetingAt: new Date('2026-06-10T01:00:00Z'),
        reason: '农忙',
      }),
    ])
    expect(s.updates).toEqual([
      {
        status: 'scheduled',
        meetingAt: new Date('2026-06-10T01:00:00Z'),
        noticeAt: new Date('2026-05-25T02:00:00Z'),
        location: '村委会',
        // the village's lead time as it is now, not as it was at the first notice
        checkInLeadMinutes: 60,
        paperNoticeAt: null,
        paperNoticeByAccountId: null,
        paperNoticeByName: null,
        paperNoticeConfirmedAt: null,
        paperNoticeConfirmedByAccountId: null,
        paperNoticeConfirmedByName: null,
      },
    ])
    expect(s.told).toEqual([expect.objectContaining({ title: '村民会议改期通知', accountIds: [201, 202] })])
  })

  it('notices a lapsed meeting afresh as a meeting of its step', async () => {
    const s = setUp({ now: '2026-06-02T02:00:00Z', meeting: { status: 'lapsed', ballot: 'secret' } })
    await s.reschedule.reschedule(s.committee, 4, 9, s.moveTo('2026-06-20T01:00:00Z'))
    expect(s.applied).toEqual([
      expect.objectContaining({ type: 'schedule_meeting', body: 'villagers_meeting', ballot: 'secret' }),
    ])
  })

  it('is refused once anyone checked in, or the meeting is under way or over', async () => {
    const s = setUp({ now: '2026-05-25T02:00:00Z' })
    s.setCheckIns(1)
    expect(await refusal(s.reschedule.reschedule(s.committee, 4, 9, s.moveTo('2026-06-10T01:00:00Z')))).toBe(
      'DELIBERATION_MEETING_HAS_CHECK_INS',
    )
    for (const [status, code] of [
      ['in_session', 'DELIBERATION_MEETING_IN_SESSION'],
      ['closed', 'DELIBERATION_RESULT_FINAL'],
      ['cancelled', 'DELIBERATION_MEETING_NOT_SCHEDULED'],
    ] as const) {
      const t = setUp({ now: '2026-05-25T02:00:00Z', meeting: { status } })
      expect(
        await refusal(t.reschedule.reschedule(t.committee, 4, 9, t.moveTo('2026-06-10T01:00:00Z'))),
      ).toBe(code)
      expect(t.updates).toEqual([])
    }
  })
})

describe('a meeting’s times', () => {
  const meeting = {
    status: 'scheduled',
    meetingAt: new Date('2026-06-01T01:00:00Z'),
    checkInLeadMinutes: 45,
  } as DeliberationMeeting

  it('opens check-in its own lead time before the meeting and says where a meeting not yet opened stands', () => {
    const t = meetingTiming(meeting, new Date('2026-06-01T00:20:00Z'))
    expect(t).toMatchObject({
      checkInOpensAt: '2026-06-01T00:15:00.000Z',
      votingOpensAt: '2026-06-01T01:00:00.000Z',
      moment: 'check_in',
      now: '2026-06-01T00:20:00.000Z',
    })
    expect(meetingTiming(meeting, new Date('2026-06-01T00:10:00Z')).moment).toBe('before_check_in')
    expect(
      meetingTiming({ ...meeting, status: 'in_session' } as DeliberationMeeting, new Date()).moment,
    ).toBeNull()
  })
})
