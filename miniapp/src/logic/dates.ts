/** What a date or time picker holds: the strings the forms already send ('2026-12-05', '19:30', '2026-10'). */
export type DateMode = 'date' | 'time' | 'month'

/** A picked value as a villager reads it: 2026年12月5日, 2026年10月, 19:30; empty when nothing is picked. */
export function pickedLabel(mode: DateMode, value: string): string {
  if (!value) return ''
  if (mode === 'time') return value
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  const month = `${y}年${Number(mo)}月`
  return mode === 'month' || d === undefined ? month : `${month}${Number(d)}日`
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const

/** '2026-Q4' as a villager reads it: 2026年第四季度. */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter)
  return m ? `${m[1]}年第${QUARTER_NAMES[Number(m[2]) - 1]}季度` : quarter
}

/**
 * The quarters a finance notice may report, newest first, starting with the one before today's
 * (a quarter is published once it has ended): '2026-Q3', '2026-Q2', … for a day in 2026-Q4.
 */
export function recentQuarters(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4))
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) // 0-based quarter of today
  const out: string[] = []
  for (let i = 1; i <= count; i++) {
    const n = year * 4 + q - i
    out.push(`${Math.floor(n / 4)}-Q${(n % 4) + 1}`)
  }
  return out
}
