import { noticeDraftSchema, type CalendarItem, type NoticeDraftRequest } from '@xiangli/shared'
import { CalendarRepository } from '../../src/modules/notices/calendar.repository'
import { NoticeCalendar } from '../../src/modules/notices/use-cases/notice-calendar'
import { NoticeDrafts } from '../../src/modules/notices/use-cases/notice-drafts'
import { NoticePublication } from '../../src/modules/notices/use-cases/notice-publication'
import { DAY, VILLAGE, memoryNotices } from './support/notices-memory'

/** 20 May 2026 in a village that joined on 10 February. */
function setUp() {
  const mem = memoryNotices({ now: new Date('2026-05-20T02:00:00Z') })
  const { repos, steps, reads, services, tx } = mem
  const drafts = new NoticeDrafts(repos.notices, steps, reads, services.orgs, tx)
  const publication = new NoticePublication(
    repos.notices,
    repos.versions,
    steps,
    reads,
    services.audit,
    services.clock,
    services.noticeCheck,
  )
  const calendar = new NoticeCalendar(
    repos.notices,
    {} as CalendarRepository,
    services.orgs,
    tx,
    services.audit,
    services.clock,
  )
  const committee = mem.as('committee')
  const draft = async (body: NoticeDraftRequest) =>
    (await drafts.create(committee, noticeDraftSchema.parse(body))).id
  const publish = (id: number) => publication.publish(committee, id, {})
  const items = async () => (await calendar.calendar(VILLAGE)).items
  const item = (all: CalendarItem[], obligation: string, period: string | null, noticeId?: number) =>
    all.find(
      (i) =>
        i.obligation === obligation &&
        i.period === period &&
        (noticeId === undefined || i.noticeId === noticeId),
    )
  return { ...mem, calendar, committee, draft, publish, items, item }
}

describe('the publication calendar (Art 30)', () => {
  it('counts from the quarter the village joined until the village sets its own day', async () => {
    const s = setUp()
    expect(await s.calendar.settings(VILLAGE)).toEqual({
      financeCadence: 'monthly',
      graceDays: 10,
      majorDays: 3,
      calendarFrom: '2026-01-01',
    })
    expect(s.item(await s.items(), 'village', '2026-Q1')).toMatchObject({ status: 'overdue', noticeId: null })
    // a change that leaves the day out keeps it
    await s.calendar.updateSettings(s.committee, { financeCadence: 'quarterly', graceDays: 15, majorDays: 5 })
    expect((await s.calendar.settings(VILLAGE)).calendarFrom).toBe('2026-01-01')
    await s.calendar.updateSettings(s.committee, {
      financeCadence: 'quarterly',
      graceDays: 15,
      majorDays: 5,
      calendarFrom: '2026-04-01',
    })
    expect(s.item(await s.items(), 'village', '2026-Q1')).toBeUndefined()
    expect(s.audit.filter((e) => e.action === 'notice.settings_changed')).toHaveLength(2)
  })

  it('holds a major draft due at once, overdue after its days, and done once it is published', async () => {
    const s = setUp()
    const id = await s.draft({ category: 'village', title: '征地补偿方案', major: true })
    expect(s.item(await s.items(), 'major', null, id)).toMatchObject({ status: 'due', label: '征地补偿方案' })
    s.clock.advance(3 * DAY - 60_000)
    expect(s.item(await s.items(), 'major', null, id)?.status).toBe('due')
    s.clock.advance(2 * 60_000)
    expect(s.item(await s.items(), 'major', null, id)?.status).toBe('overdue')
    await s.publish(id)
    expect(s.item(await s.items(), 'major', null, id)).toBeUndefined()
  })

  it('counts a 村务 notice toward the quarter it was published in, not toward one already past due', async () => {
    const s = setUp()
    expect(s.item(await s.items(), 'village', '2026-Q2')).toMatchObject({ status: 'running', noticeId: null })
    const id = await s.draft({ category: 'village', title: '第二季度村务公开' })
    await s.publish(id)
    const after = await s.items()
    expect(s.item(after, 'village', '2026-Q2')).toMatchObject({ status: 'met', late: false, noticeId: id })
    expect(s.item(after, 'village', '2026-Q1')).toMatchObject({ status: 'overdue', noticeId: null })
  })

  it('counts a finance notice for the month it reports, late when published after the grace days', async () => {
    const s = setUp()
    expect(s.item(await s.items(), 'finance', '2026-04')).toMatchObject({ status: 'overdue' })
    const id = await s.draft({
      category: 'finance',
      title: '2026年4月财务公开',
      lines: [{ kind: 'income', item: '租金', amountFen: 100 }],
      totals: { totalIncomeFen: 100, totalExpenseFen: 0 },
      coversPeriod: '2026-04',
    })
    expect(s.item(await s.items(), 'finance', '2026-04')?.status).toBe('overdue')
    await s.publish(id)
    expect(s.item(await s.items(), 'finance', '2026-04')).toMatchObject({
      status: 'met',
      late: true,
      noticeId: id,
    })
  })
})
