import type { CalendarItem, ObjectionView } from '@xiangli/shared'
import {
  CATEGORY_CHIPS,
  calendarGroups,
  chipWithUnread,
  complianceLine,
  markReadInList,
  answersObjections,
  noticeBench,
  objectionDeadline,
  objectorActions,
  sortFeed,
} from './notice'

const now = new Date('2026-11-25T04:00:00Z')

describe('noticeBench', () => {
  const m = (roles: string[], orgKind = 'village') =>
    ({ roles, orgKind }) as Parameters<typeof noticeBench>[0]
  it('gives the 两委 the notice work and the supervisors the review', () => {
    expect(noticeBench(m(['committee_member']))).toEqual({ manage: true, supervise: false })
    expect(noticeBench(m(['party_secretary', 'supervisor']))).toEqual({ manage: true, supervise: true })
    expect(noticeBench(m(['supervisor']))).toEqual({ manage: false, supervise: true })
    expect(noticeBench(m(['resident']))).toEqual({ manage: false, supervise: false })
  })

  it('gives nothing at a township or without a membership', () => {
    expect(noticeBench(m(['township_official'], 'township'))).toEqual({ manage: false, supervise: false })
    expect(noticeBench(null)).toEqual({ manage: false, supervise: false })
  })

  it('shows the answer to an objection to the 两委 only, as its route lets only them answer', () => {
    expect(answersObjections(m(['committee_member']))).toBe(true)
    expect(answersObjections(m(['party_secretary']))).toBe(true)
    expect(answersObjections(m(['supervisor', 'resident']))).toBe(false)
    expect(answersObjections(m(['committee_member'], 'township'))).toBe(false)
    expect(answersObjections(null)).toBe(false)
  })
})

describe('category chips', () => {
  it('offers 全部 and the six categories by their short names', () => {
    expect(CATEGORY_CHIPS.map((c) => c.label)).toEqual([
      '全部',
      '党务',
      '村务',
      '财务',
      '决议',
      '实施结果',
      '其他',
    ])
  })

  it('adds the unread count to a chip', () => {
    expect(chipWithUnread('财务', 2)).toBe('财务 2')
    expect(chipWithUnread('财务', 0)).toBe('财务')
    expect(chipWithUnread('财务', 120)).toBe('财务 99+')
  })
})

describe('the feed', () => {
  it('puts pinned notices first, then the newest', () => {
    const items = [
      { id: 1, pinned: false, publishedAt: '2026-11-20T01:00:00Z' },
      { id: 2, pinned: true, publishedAt: '2026-10-01T01:00:00Z' },
      { id: 3, pinned: false, publishedAt: '2026-11-24T01:00:00Z' },
    ]
    expect(sortFeed(items).map((n) => n.id)).toEqual([2, 3, 1])
  })

  it('drops the unread marker of the notice just opened', () => {
    const items = [
      { id: 1, unread: true },
      { id: 2, unread: true },
    ]
    expect(markReadInList(items, 2)).toEqual([
      { id: 1, unread: true },
      { id: 2, unread: false },
    ])
  })
})

describe('objections', () => {
  const o = (over: Partial<ObjectionView>): Pick<ObjectionView, 'state' | 'overdue' | 'mine' | 'dueAt'> => ({
    state: 'submitted',
    overdue: false,
    mine: true,
    dueAt: '2026-12-10T04:00:00Z',
    ...over,
  })

  it('lets the objector accept or escalate an answer', () => {
    expect(objectorActions(o({ state: 'answered' }))).toEqual({ accept: true, escalate: true })
  })

  it('lets the objector escalate an unanswered objection only once it is late', () => {
    expect(objectorActions(o({}))).toEqual({ accept: false, escalate: false })
    expect(objectorActions(o({ overdue: true }))).toEqual({ accept: false, escalate: true })
  })

  it('offers nothing on a closed objection or on someone else’s', () => {
    expect(objectorActions(o({ state: 'accepted' }))).toEqual({ accept: false, escalate: false })
    expect(objectorActions(o({ state: 'answered', mine: false }))).toEqual({ accept: false, escalate: false })
  })

  it('says when the answer is due, or how late it is', () => {
    expect(objectionDeadline(o({}), now)).toEqual({
      text: expect.stringMatching(/^村委会应在 12月10日 \d\d:\d\d 前答复$/),
      overdue: false,
    })
    expect(objectionDeadline(o({ dueAt: '2026-11-22T04:00:00Z', overdue: true }), now)).toEqual({
      text: '答复已超时 3 天',
      overdue: true,
    })
    expect(objectionDeadline(o({ state: 'answered' }), now)).toBeNull()
  })
})

describe('calendarGroups', () => {
  const item = (over: Partial<CalendarItem>): CalendarItem => ({
    obligation: 'finance',
    period: '2026-10',
    label: '2026年10月财务公开',
    dueAt: '2026-11-10T16:00:00.000Z',
    status: 'met',
    late: false,
    noticeId: 1,
    ...over,
  })

  it('groups by obligation, overdue first, and counts what is pressing', () => {
    const groups = calendarGroups(
      [
        item({ period: '2026-09', label: '2026年9月财务公开' }),
        item({ period: '2026-10', status: 'overdue', noticeId: null, dueAt: '2026-11-20T16:00:00.000Z' }),
        item({
          period: '2026-11',
          label: '2026年11月财务公开',
          status: 'running',
          dueAt: '2026-12-10T16:00:00.000Z',
        }),
        item({ obligation: 'village', period: '2026-Q3', label: '2026年第三季度村务公开', late: true }),
      ],
      now,
    )
    expect(groups.map((g) => g.obligation)).toEqual(['finance', 'village'])
    const finance = groups[0]!
    expect(finance.overdue).toBe(1)
    expect(finance.rows.map((r) => [r.label, r.statusLabel, r.note, r.tone])).toEqual([
      ['2026年10月财务公开', '已逾期未公开', '已逾期 4 天', 'bad'],
      ['2026年11月财务公开', '本期进行中', '本期结束后，12月10日前公开', 'info'],
      ['2026年9月财务公开', '已公开', '已按时公开', 'ok'],
    ])
    expect(groups[1]!.rows[0]!.note).toBe('已公开（晚于期限）')
  })

  it('leaves out an obligation with nothing in it', () => {
    expect(calendarGroups([], now)).toEqual([])
  })
})

describe('the township view', () => {
  it('says in one line how a village keeps up', () => {
    expect(complianceLine({ met: 4, due: 0, overdue: 0, overdueObjections: 0 })).toEqual({
      text: '已公开 4 项，没有逾期',
      ok: true,
    })
    expect(complianceLine({ met: 1, due: 1, overdue: 2, overdueObjections: 1 })).toEqual({
      text: '逾期未公开 2 项 · 待公开 1 项 · 超时未答复异议 1 件',
      ok: false,
    })
  })
})
