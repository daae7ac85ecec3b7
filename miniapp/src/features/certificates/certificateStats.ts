import type { CertificateStats } from '@xiangli/shared'

/** The years the 证明统计 page offers: this year first, then the earlier ones. */
export function statsYears(thisYear: number, count = 5): number[] {
  return Array.from({ length: count }, (_, i) => thisYear - i).filter((y) => y >= 2000)
}

/** Certificates the villages issued that year (all items, all villages). */
export function totalIssued(stats: Pick<CertificateStats, 'villages'>): number {
  return stats.villages.reduce((sum, v) => sum + v.issued, 0)
}

export type Trend = 'down' | 'up' | 'same' | 'none'

/** How the year compares with the one before: fewer certificates is the goal. */
export function trendOf(total: number, lastYear: number | null): { trend: Trend; text: string } {
  if (lastYear === null) return { trend: 'none', text: '' }
  if (total === lastYear) return { trend: 'same', text: `去年 ${lastYear} 份，与去年持平` }
  if (total < lastYear)
    return { trend: 'down', text: `去年 ${lastYear} 份，今年少开 ${lastYear - total} 份 ↓` }
  return { trend: 'up', text: `去年 ${lastYear} 份，今年多开 ${total - lastYear} 份 ↑` }
}
