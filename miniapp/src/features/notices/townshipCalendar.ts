import type {
  Page,
  TownshipCalendarSummary,
  TownshipNoticeCalendar,
  TownshipVillageCalendar,
} from '@xiangli/shared'

/** The township calendar's filter: every village, or just those with overdue items. */
export type CalendarFilter = 'all' | 'overdue'
export const CALENDAR_FILTERS: { value: CalendarFilter; label: string }[] = [
  { value: 'all', label: '全部村（社区）' },
  { value: 'overdue', label: '只看有逾期的' },
]

export const CALENDAR_PAGE_SIZE = 20

/** The query of one page: the first without `after`, each later one after the last village shown. */
export const calendarQuery = (
  after: number | undefined,
  filter: CalendarFilter,
): { pageSize: number; after?: number; only?: 'overdue' } => ({
  pageSize: CALENDAR_PAGE_SIZE,
  ...(after !== undefined ? { after } : {}),
  ...(filter === 'overdue' ? { only: 'overdue' as const } : {}),
})

/**
 * A page of the township calendar as the list loader reads it. The summary comes with the first page
 * only; the total (the villages the filter keeps) is taken from it for the pages after.
 */
export function calendarPage(
  answer: TownshipNoticeCalendar,
  filter: CalendarFilter,
  summary: TownshipCalendarSummary | null,
): Page<TownshipVillageCalendar> {
  const s = answer.summary ?? summary
  const total = s ? (filter === 'overdue' ? s.withOverdue : s.villages) : answer.villages.length
  return {
    items: answer.villages,
    total,
    page: 1,
    pageSize: CALENDAR_PAGE_SIZE,
    ...(answer.nextAfter !== undefined ? { nextAfter: answer.nextAfter } : {}),
  }
}

/** The line at the top: 共 24 个村（社区）：18 个按时公开 · 4 个有待公开 · 3 个有逾期. */
export function summaryLine(s: TownshipCalendarSummary): { text: string; ok: boolean } {
  const parts = [`${s.compliant} 个按时公开`]
  if (s.withDue > 0) parts.push(`${s.withDue} 个有待公开`)
  if (s.withOverdue > 0) parts.push(`${s.withOverdue} 个有逾期`)
  return { text: `共 ${s.villages} 个村（社区）：${parts.join(' · ')}`, ok: s.withOverdue === 0 }
}

/** Every village id of the township, following the pages (an old link that names no village). */
export async function allVillageIds(
  fetch: (after: number | undefined) => Promise<TownshipNoticeCalendar>,
): Promise<number[]> {
  const ids: number[] = []
  let after: number | undefined
  for (let i = 0; i < 1000; i++) {
    const page = await fetch(after)
    ids.push(...page.villages.map((v) => v.villageId))
    if (page.nextAfter === undefined) break
    after = page.nextAfter
  }
  return ids
}
