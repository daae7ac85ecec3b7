/**
 * Beijing calendar days ('YYYY-MM-DD'): publicity periods, time limits and the publication calendar are
 * counted in the days people in China live by, whatever the server's time zone.
 */
/** China has no daylight saving: Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** A calendar day as 'YYYY-MM-DD'. */
export type IsoDate = string
export const ISO_DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE_RE.test(s)) return false
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  return d <= daysInMonth(y, m)
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!
}

/** The Beijing calendar day an instant falls on. */
export function beijingDate(at: Date): IsoDate {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** 00:00 Beijing time of a day, as an instant. */
export function beijingDayStart(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING_OFFSET_MS)
}

/** The first instant after a day (24:00 Beijing time): a period "until day D" is open while now < this. */
export function beijingDayEnd(day: IsoDate): Date {
  return new Date(beijingDayStart(day).getTime() + DAY_MS)
}

export function addIsoDays(day: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Days from a to b (b − a), both calendar days. */
export function isoDaysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00.000Z`) - Date.parse(`${a}T00:00:00.000Z`)) / DAY_MS)
}
