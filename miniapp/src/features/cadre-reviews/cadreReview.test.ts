import type { ReviewView } from '@xiangli/shared'
import { ballotOf, countsLine, reviewActions } from './cadreReview'

const review = (over: Partial<ReviewView> = {}): ReviewView => ({
  id: 1,
  villageId: 3,
  year: 2026,
  status: 'reporting',
  statusLabel: '述职中',
  ratingRule: {
    incompetent: { num: 1, den: 2, strict: true },
    competent: { num: 1, den: 2, strict: true },
  },
  ratingRuleText: '',
  subjects: [
    {
      id: 7,
      residentId: 1,
      name: '李建华',
      post: 'committee_member',
      postLabel: '',
      report: 'x',
      reportedAt: null,
    },
    {
      id: 8,
      residentId: 2,
      name: '张丽',
      post: 'committee_member',
      postLabel: '',
      report: null,
      reportedAt: null,
    },
  ],
  meeting: null,
  result: null,
  mine: { hosts: false, subjectId: null, member: false, checkedIn: false, voted: false },
  ...over,
})

const meeting = (status: 'scheduled' | 'in_session' | 'closed' | 'lapsed') => ({
  id: 1,
  body: 'representatives_meeting' as const,
  bodyLabel: '村民代表会议',
  meetingAt: '',
  noticeAt: '',
  checkInOpensAt: '',
  location: '',
  status,
  due: 10,
  present: 0,
  quorum: { met: false, by: null, criteria: [] },
  members: null,
})

describe('what a review page offers', () => {
  it('lets the reviewed person report only while the review takes reports', () => {
    const mine = { hosts: false, subjectId: 8, member: false, checkedIn: false, voted: false }
    expect(reviewActions(review({ mine })).report).toBe(true)
    expect(reviewActions(review({ mine, status: 'meeting' })).report).toBe(false)
  })

  it('lets the supervision committee notice a meeting when none is under way, and open and close it', () => {
    const mine = { hosts: true, subjectId: null, member: false, checkedIn: false, voted: false }
    expect(reviewActions(review({ mine })).schedule).toBe(true)
    expect(reviewActions(review({ mine, status: 'meeting', meeting: meeting('scheduled') }))).toMatchObject({
      schedule: false,
      open: true,
      close: false,
    })
    expect(reviewActions(review({ mine, status: 'meeting', meeting: meeting('in_session') })).close).toBe(
      true,
    )
    // a meeting short of its quorum is followed by a new one
    expect(reviewActions(review({ mine, status: 'meeting', meeting: meeting('closed') })).schedule).toBe(true)
    expect(reviewActions(review({ mine, status: 'published', meeting: meeting('closed') })).schedule).toBe(
      false,
    )
  })

  it('lets a member check in, then vote once, in session', () => {
    const m = meeting('in_session')
    const base = { hosts: false, subjectId: null, member: true, checkedIn: false, voted: false }
    expect(reviewActions(review({ meeting: m, mine: base }))).toMatchObject({ checkIn: true, vote: false })
    expect(reviewActions(review({ meeting: m, mine: { ...base, checkedIn: true } }))).toMatchObject({
      checkIn: false,
      vote: true,
    })
    expect(reviewActions(review({ meeting: m, mine: { ...base, checkedIn: true, voted: true } })).vote).toBe(
      false,
    )
    expect(reviewActions(review({ meeting: m, mine: { ...base, member: false } })).checkIn).toBe(false)
  })
})

describe('the ballot', () => {
  it('names everyone not yet rated', () => {
    expect(ballotOf(review(), { 7: 'competent' })).toEqual({ ok: false, missing: ['张丽'] })
  })

  it('rates every reviewed person once', () => {
    expect(ballotOf(review(), { 7: 'competent', 8: 'incompetent' })).toEqual({
      ok: true,
      ratings: [
        { subjectId: 7, rating: 'competent' },
        { subjectId: 8, rating: 'incompetent' },
      ],
    })
  })

  it('writes the counts in the order of the ratings', () => {
    expect(countsLine({ competent: 7, basic: 1, incompetent: 0 })).toBe('称职 7 · 基本称职 1 · 不称职 0')
  })
})
