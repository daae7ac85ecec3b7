import type { TownshipNoticeCalendar, TownshipVillageCalendar } from '@xiangli/shared'
import { allVillageIds, calendarPage, calendarQuery, summaryLine } from './townshipCalendar'

const village = (villageId: number, overdue = 0): TownshipVillageCalendar => ({
  villageId,
  villageName: `村${villageId}`,
  settings: { financeCadence: 'monthly', graceDays: 10, majorDays: 3, calendarFrom: '2026-01-01' },
  items: [],
  met: 1,
  due: 0,
  overdue,
  overdueObjections: 0,
})
const summary = { villages: 24, compliant: 18, withDue: 4, withOverdue: 3 }

describe('the township calendar in pages', () => {
  it('asks for the first page without after, later ones after the last village, overdue only when filtered', () => {
    expect(calendarQuery(undefined, 'all')).toEqual({ pageSize: 20 })
    expect(calendarQuery(7, 'overdue')).toEqual({ pageSize: 20, after: 7, only: 'overdue' })
  })

  it('counts the villages the filter keeps from the summary, which only the first page carries', () => {
    const first: TownshipNoticeCalendar = { townshipId: 1, villages: [village(1)], nextAfter: 1, summary }
    expect(calendarPage(first, 'all', null)).toEqual({
      items: first.villages,
      total: 24,
      page: 1,
      pageSize: 20,
      nextAfter: 1,
    })
    const later: TownshipNoticeCalendar = { townshipId: 1, villages: [village(2, 1)], summary: null }
    const page = calendarPage(later, 'overdue', summary)
    expect(page.total).toBe(3)
    expect(page.nextAfter).toBeUndefined()
  })

  it('says the totals in one line, marked when a village is overdue', () => {
    expect(summaryLine(summary)).toEqual({
      text: '共 24 个村（社区）：18 个按时公开 · 4 个有待公开 · 3 个有逾期',
      ok: false,
    })
    expect(summaryLine({ villages: 2, compliant: 2, withDue: 0, withOverdue: 0 })).toEqual({
      text: '共 2 个村（社区）：2 个按时公开',
      ok: true,
    })
  })

  it('follows the pages to every village id for a link that names no village', async () => {
    const pages: Record<string, TownshipNoticeCalendar> = {
      first: { townshipId: 1, villages: [village(1), village(2)], nextAfter: 2, summary },
      '2': { townshipId: 1, villages: [village(5)], summary: null },
    }
    const asked: (number | undefined)[] = []
    const ids = await allVillageIds(async (after) => {
      asked.push(after)
      return pages[after === undefined ? 'first' : String(after)]!
    })
    expect(ids).toEqual([1, 2, 5])
    expect(asked).toEqual([undefined, 2])
  })
})
