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
