import { GRIEVANCE_STATES, grievanceEventsFrom } from '@xiangli/shared'
import { grievanceSummary, grievanceView } from '@/test/factories'
import { formatTime } from '@/logic/format'
import {
  NO_FILTERS,
  filtersFromLink,
  bulkAcceptSummary,
  canAccept,
  committeeActions,
  committeeMembers,
  deadlineNote,
  hasFilters,
  locationText,
  queueQuery,
  ratingText,
  residentActions,
  stateTone,
  timelineHeadline,
  townshipActions,
} from './grievance'

const DAY = 86_400_000
const now = new Date('2025-03-10T08:00:00.000Z')
const at = (ms: number) => new Date(now.getTime() + ms).toISOString()

describe('deadlineNote', () => {
  it('says by when a new issue must be accepted', () => {
    const due = at(2 * DAY)
    expect(deadlineNote({ state: 'submitted', dueAt: due }, now)).toEqual({
      text: `受理期限 ${formatTime(due, now)}`,
      overdue: false,
    })
    expect(formatTime(due, now)).toMatch(/^3月12日 \d\d:\d\d$/)
  })

  it('says by when an answer is due, as 今天 when it is today', () => {
    const local = new Date(2025, 2, 10, 9, 0)
    const due = new Date(2025, 2, 10, 17, 30).toISOString()
    expect(deadlineNote({ state: 'accepted', dueAt: due }, local)).toEqual({
      text: '答复期限 今天 17:30',
      overdue: false,
    })
  })

  it('counts the days an answer is late', () => {
    expect(deadlineNote({ state: 'assigned', dueAt: at(-3 * DAY - 1000) }, now)).toEqual({
      text: '答复已超时 3 天',
      overdue: true,
    })
    expect(deadlineNote({ state: 'submitted', dueAt: at(-1000) }, now)).toEqual({
      text: '受理已超时',
      overdue: true,
    })
  })

  it('says nothing once no time limit runs', () => {
    for (const state of ['answered', 'closed', 'declined', 'escalated'] as const)
      expect(deadlineNote({ state, dueAt: at(-DAY) }, now)).toBeNull()
    expect(deadlineNote({ state: 'accepted', dueAt: null }, now)).toBeNull()
  })
})

describe('what a resident may do on the detail page', () => {
  const answeredAt = at(-DAY)

  it('lets the raiser rate and reopen an answer, within 7 days', () => {
    const g = grievanceView({ state: 'answered', answeredAt })
    expect(residentActions(g, now)).toEqual({ reply: true, rate: true, reopen: true, support: false })
  })

  it('takes reopening away after 7 days or once it was used', () => {
    expect(residentActions(grievanceView({ state: 'answered', answeredAt: at(-8 * DAY) }), now).reopen).toBe(
      false,
    )
    expect(
      residentActions(grievanceView({ state: 'closed', closedAt: answeredAt, reopenCount: 1 }), now).reopen,
    ).toBe(false)
  })

  it('lets the raiser reopen a closed item, but not rate it again', () => {
    const g = grievanceView({ state: 'closed', answeredAt, closedAt: answeredAt, rating: 4 })
    expect(residentActions(g, now)).toMatchObject({ rate: false, reopen: true })
  })

  it('offers neither before the answer', () => {
    expect(residentActions(grievanceView({ state: 'accepted' }), now)).toMatchObject({
      rate: false,
      reopen: false,
    })
  })

  it('gives a neighbour only "+1" on a public item', () => {
    const g = grievanceView({ state: 'answered', answeredAt, mine: false })
    expect(residentActions(g, now)).toEqual({ reply: false, rate: false, reopen: false, support: true })
    expect(residentActions(grievanceView({ mine: false, visibility: 'committee' }), now).support).toBe(false)
  })
})

describe('the buttons of the committee and the township', () => {
  it('follow the shared state machine', () => {
    expect(committeeActions('submitted')).toEqual(['accept', 'decline', 'escalate'])
    expect(committeeActions('accepted')).toEqual(['assign', 'answer', 'escalate'])
    expect(committeeActions('answered')).toEqual([])
    expect(committeeActions('escalated')).toEqual([])
    expect(townshipActions('escalated')).toEqual(['township_answer', 'township_return'])
    expect(townshipActions('submitted')).toEqual([])
  })

  it('never offer an event the state machine refuses', () => {
    for (const state of GRIEVANCE_STATES)
      for (const action of [...committeeActions(state), ...townshipActions(state)])
        expect(grievanceEventsFrom(state)).toContain(action)
  })

  it('allow accepting only a new item', () => {
    expect(GRIEVANCE_STATES.filter(canAccept)).toEqual(['submitted'])
  })
})

describe('the queue', () => {
  it('sends only the filters that are set', () => {
    expect(queueQuery(NO_FILTERS, undefined, 20)).toEqual({ pageSize: 20 })
    expect(
      queueQuery(
        { status: 'submitted', category: '道路交通', assignee: 'me', overdue: true, toAnswer: false },
        4812,
        20,
      ),
    ).toEqual({
      after: 4812,
      pageSize: 20,
      status: 'submitted',
      category: '道路交通',
      assignee: 'me',
      overdue: 'true',
    })
    expect(queueQuery({ ...NO_FILTERS, assignee: 12 }, undefined, 20)).toMatchObject({ assignee: 12 })
  })

  it('knows when a filter is on', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false)
    expect(hasFilters({ ...NO_FILTERS, overdue: true })).toBe(true)
    expect(hasFilters({ ...NO_FILTERS, toAnswer: true })).toBe(true)
  })

  it('opens filtered as the home page’s counts link to it', () => {
    expect(filtersFromLink({ villageId: '3', status: 'submitted' })).toEqual({
      ...NO_FILTERS,
      status: 'submitted',
    })
    expect(queueQuery(filtersFromLink({ toAnswer: 'true' }), undefined, 20)).toEqual({
      pageSize: 20,
      toAnswer: 'true',
    })
    expect(filtersFromLink({ overdue: 'true' }).overdue).toBe(true)
    // a made-up status opens the whole queue
    expect(filtersFromLink({ status: 'lost' })).toEqual(NO_FILTERS)
  })

  it('lists each committee member once, by name', () => {
    const h = (
      id: number,
      residentId: number | null,
      name: string,
      role: 'committee_member' | 'party_secretary' | 'supervisor',
    ) => ({
      id,
      residentId,
      accountId: null,
      name,
      role,
      since: '2025-01-01T00:00:00.000Z',
    })
    expect(
      committeeMembers([
        h(1, 5, '李建华', 'party_secretary'),
        h(2, 5, '李建华', 'committee_member'),
        h(3, 6, '张丽', 'committee_member'),
        h(4, 7, '赵国强', 'supervisor'),
        h(5, null, '无名', 'committee_member'),
      ]),
    ).toEqual([
      { residentId: 5, name: '李建华' },
      { residentId: 6, name: '张丽' },
    ])
  })

  it('sums up a bulk accept in one sentence', () => {
    expect(bulkAcceptSummary({ accepted: [1, 2], refused: [] })).toBe('已受理 2 件')
    expect(
      bulkAcceptSummary({
        accepted: [1],
        refused: [
          { id: 2, code: 'GRIEVANCE_ALREADY_ACCEPTED' },
          { id: 3, code: 'GRIEVANCE_ALREADY_ACCEPTED' },
        ],
      }),
    ).toBe('已受理 1 件，2 件没有受理：这件事已经受理过了')
  })
})

describe('words and links', () => {
  it('gives each state a tone for its tag', () => {
    expect(stateTone('submitted')).toBe('waiting')
    expect(stateTone('closed')).toBe('done')
    expect(stateTone('escalated')).toBe('township')
  })

  it('shows a rating as stars with words', () => {
    expect(ratingText(4)).toBe('★★★★☆ 满意')
    expect(ratingText(1)).toBe('★☆☆☆☆ 很不满意')
  })

  it('names who did a step, with the post of an official', () => {
    expect(timelineHeadline({ actorName: '王*英', actorRole: 'resident', action: 'submitted' })).toBe(
      '王*英 · 提出',
    )
    expect(timelineHeadline({ actorName: '张丽', actorRole: 'committee_member', action: 'accepted' })).toBe(
      '张丽（村（居）委会成员） · 受理',
    )
    expect(timelineHeadline({ actorName: '系统', actorRole: 'system', action: 'escalated' })).toBe(
      '系统 · 上报乡镇',
    )
  })

  it('prefers the address of a place and falls back to the map point', () => {
    expect(locationText({ lat: 30.1, lng: 120.2, address: '三组 5 号门口' })).toBe('三组 5 号门口')
    expect(locationText({ lat: 30.123456, lng: 120.2 })).toBe('地图位置（30.12346，120.20000）')
    expect(locationText(null)).toBeNull()
  })

  it('reads the summary factory like the server sends it', () => {
    expect(grievanceSummary().mine).toBe(true)
  })
})
