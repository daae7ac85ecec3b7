import { DAY_MS } from './grievance'
import { deliberationMeetingPage, deliberationPage } from './deliberation-api'
import { startDeliberation, type DeliberationContext } from './deliberation'
import { transitionDeliberation } from './deliberation-transition'
import {
  minutesCreateSchema,
  opinionCreateSchema,
  opinionSummarySchema,
  petitionCreateSchema,
  solicitationOpenSchema,
  townshipAttendeeSchema,
} from './deliberation-requests'
import {
  isPetitionSignable,
  paperSheetSchema,
  splitPaperSheet,
  petitionCriteriaView,
  petitionListQuerySchema,
  petitionTargetsFor,
  PETITION_STATUSES,
} from './petition'
import { buildProcedure, defaultProcedureSettings } from './procedure'
import { petitionForcesMeeting } from './petition-threshold'

const T0 = new Date('2025-03-03T02:00:00Z')
const days = (n: number) => new Date(T0.getTime() + n * DAY_MS)
const URBAN = buildProcedure({ procedureVariant: 'yizheng_sanyi_liang_gongkai', yijiantiao: false })
const ctx = (now = T0): DeliberationContext => ({
  procedure: URBAN,
  matter: 'ordinary',
  delegated: false,
  roles: ['committee_member'],
  now,
})

describe('petitions (联名提议)', () => {
  it('lets a village petition for its villagers’ or representatives’ meeting, a community for its residents’', () => {
    expect(petitionTargetsFor('village')).toEqual(['villagers_meeting', 'representatives_meeting'])
    expect(petitionTargetsFor('community')).toEqual(['residents_meeting'])
  })

  it('takes signatures while open or reached, never once convened or withdrawn', () => {
    expect(PETITION_STATUSES.filter(isPetitionSignable)).toEqual(['open', 'reached'])
  })

  it('labels each criterion with the signatures counted against the legal default', () => {
    const rule = defaultProcedureSettings().petitions.villagers_meeting
    const r = petitionForcesMeeting(rule, {
      villagers: { signed: 3, total: 30 },
      representatives: { signed: 1, total: 9 },
    })
    if (!r.ok) throw new Error(r.code)
    expect(petitionCriteriaView(r.value)).toEqual([
      { criterion: 'villagers', label: '十八周岁以上村民', signed: 3, total: 30, needed: 3, met: true },
      { criterion: 'representatives', label: '村民代表', signed: 1, total: 9, needed: 3, met: false },
    ])
  })

  it('reads list queries from the query string and refuses an unknown status', () => {
    expect(petitionListQuerySchema.parse({ page: '2', status: 'reached' })).toEqual({
      page: 2,
      pageSize: 20,
      status: 'reached',
    })
    expect(petitionListQuerySchema.safeParse({ status: 'closed' }).success).toBe(false)
  })

  it('asks for a reason and a target the law knows', () => {
    const ok = { target: 'villagers_meeting', title: '修路', text: '提议召开村民会议讨论修路' }
    expect(petitionCreateSchema.safeParse(ok).success).toBe(true)
    expect(petitionCreateSchema.safeParse({ ...ok, target: 'party_branch' }).success).toBe(false)
    const blank = petitionCreateSchema.safeParse({ ...ok, title: '  ' })
    expect(blank.success).toBe(false)
    if (!blank.success) expect(blank.error.issues[0]!.message).toBe('请填写提议召开会议的事由')
  })
})

describe('一征: the opinion window', () => {
  it('opens now by default, and records when it opens and closes', () => {
    const r = transitionDeliberation(
      startDeliberation(URBAN),
      { type: 'open', step: 'solicit', closesAt: days(6) },
      ctx(),
    )
    if (!r.ok) throw new Error(r.code)
    expect(r.next).toMatchObject({
      phase: 'collecting',
      solicitationOpensAt: T0.toISOString(),
      solicitationClosesAt: days(6).toISOString(),
    })
  })

  it('counts the minimum days from a later opening, and refuses an opening in the past', () => {
    const open = (opensAt: Date, closesAt: Date) =>
      transitionDeliberation(
        startDeliberation(URBAN),
        { type: 'open', step: 'solicit', opensAt, closesAt },
        ctx(),
      )
    expect(open(days(2), days(6))).toMatchObject({ ok: false, code: 'DELIBERATION_SOLICITATION_TOO_SHORT' })
    expect(open(days(2), days(7))).toMatchObject({ ok: true })
    expect(open(days(-1), days(7))).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
  })

  it('reads the window, opinions and summaries from requests', () => {
    expect(solicitationOpenSchema.safeParse({ step: 'solicit' }).success).toBe(false)
    expect(
      solicitationOpenSchema.parse({ step: 'solicit', closesAt: '2025-03-10T00:00:00Z' }).closesAt,
    ).toEqual(new Date('2025-03-10T00:00:00Z'))
    expect(opinionCreateSchema.parse({ text: ' 支持 ' })).toEqual({ text: '支持', photoIds: [] })
    expect(opinionCreateSchema.safeParse({ text: '支持', photoIds: [1, 1] }).success).toBe(false)
    expect(
      opinionCreateSchema.safeParse({ text: '支持', photoIds: Array.from({ length: 10 }, (_, i) => i + 1) })
        .success,
    ).toBe(false)
    // the server counts the opinions; a count sent along is ignored
    expect(opinionSummarySchema.parse({ step: 'solicit', text: '汇总', opinionCount: 99 })).toEqual({
      step: 'solicit',
      text: '汇总',
    })
  })
})

describe('meeting records', () => {
  it('asks for the minutes’ text and an attendee’s post', () => {
    expect(minutesCreateSchema.safeParse({ text: '' }).success).toBe(false)
    expect(townshipAttendeeSchema.safeParse({ accountId: 3, title: '副镇长' }).success).toBe(true)
    expect(townshipAttendeeSchema.safeParse({ accountId: 3, title: ' ' }).success).toBe(false)
  })
})

describe('notification links', () => {
  it('open the deliberation page, or one of its meetings', () => {
    expect(deliberationPage(7)).toBe('/subpackages/deliberation/pages/detail/index?id=7')
    expect(deliberationMeetingPage(7, 3)).toBe(
      '/subpackages/deliberation/pages/meeting/index?id=7&meetingId=3',
    )
  })
})

describe('splitPaperSheet', () => {
  it('counts each person once: twice on the sheet is once, signed before is not counted again', () => {
    expect(splitPaperSheet([3, 4, 4, 5, 6], new Set([5]), (id) => id !== 6)).toEqual({
      counted: [3, 4],
      alreadySigned: [5],
      notEligible: [6],
    })
  })

  it('counts nobody new when everyone on the sheet had signed online', () => {
    expect(splitPaperSheet([1, 2], new Set([1, 2]), () => true)).toEqual({
      counted: [],
      alreadySigned: [1, 2],
      notEligible: [],
    })
  })

  it('needs at least one person on the sheet', () => {
    expect(paperSheetSchema.safeParse({ photoId: 1, residentIds: [] }).success).toBe(false)
    expect(paperSheetSchema.safeParse({ photoId: 1, residentIds: [9] }).success).toBe(true)
  })
})
