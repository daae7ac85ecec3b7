/**
 * The publicity period (公示期) in words. The days are Beijing calendar days (the shared rules decide
 * when a period is open); this only says it the way a villager reads it on a notice board.
 */
import {
  beijingDate,
  isoDaysBetween,
  periodPhase,
  type IsoDate,
  type PeriodPhase,
  type PublicityPeriod,
} from '@xiangli/shared'

/** '2026-11-26' → 11月26日 (this year) or 2025年11月26日. */
export function formatIsoDate(day: IsoDate, now: Date = new Date()): string {
  const [y, m, d] = day.split('-').map(Number)
  if (!y || !m || !d) return day
  const thisYear = Number(beijingDate(now).slice(0, 4))
  return y === thisYear ? `${m}月${d}日` : `${y}年${m}月${d}日`
}

/** 11月20日至11月26日（共 7 天） */
export function periodRange(p: PublicityPeriod, now: Date = new Date()): string {
  const days = isoDaysBetween(p.start, p.end) + 1
  return `${formatIsoDate(p.start, now)}至${formatIsoDate(p.end, now)}（共 ${days} 天）`
}

export interface PeriodStatus {
  phase: PeriodPhase
  /** days still open counting today (open only); 1 on the last day */
  daysLeft: number | null
  /** 还剩 3 天 / 今天是最后一天 / 11月28日开始 / 已结束 */
  text: string
  /** the period ends today or tomorrow: worth a colour */
  urgent: boolean
}

export function periodStatus(p: PublicityPeriod, now: Date = new Date()): PeriodStatus {
  const phase = periodPhase(p, now)
  const today = beijingDate(now)
  switch (phase) {
    case 'before': {
      const inDays = isoDaysBetween(today, p.start)
      return {
        phase,
        daysLeft: null,
        text: inDays === 1 ? '明天开始公示' : `${formatIsoDate(p.start, now)}开始公示`,
        urgent: false,
      }
    }
    case 'open': {
      const daysLeft = isoDaysBetween(today, p.end) + 1
      return {
        phase,
        daysLeft,
        text: daysLeft <= 1 ? '公示期今天最后一天' : `公示中，还剩 ${daysLeft} 天`,
        urgent: daysLeft <= 2,
      }
    }
    case 'ended':
      return { phase, daysLeft: null, text: '公示期已结束', urgent: false }
  }
}

/** A 'YYYY-MM-DD' Beijing day from a date picker's Date (picked as a local date on the phone). */
export function isoDateOf(d: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
