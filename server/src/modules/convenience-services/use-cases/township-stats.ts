import { Injectable } from '@nestjs/common'
import {
  averageDays,
  beijingDate,
  beijingDayStart,
  isServiceOverdue,
  type ServiceStats,
  type ServiceStatsRow,
} from '@xiangli/shared'
import type { TownshipContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { OrgsService } from '../../orgs/orgs.service'
import { ConvenienceServicesRepository } from '../convenience-services.repository'

/**
 * The township's counts per service and village for a year (Beijing), by the day a request was
 * filed: how many were asked for, done, overdue now, and the average days from filing to 办结.
 * Overdue depends on today, so the rows are counted here rather than in SQL; a township's year is
 * a few thousand short rows at most.
 */
@Injectable()
export class TownshipServiceStats {
  constructor(
    private readonly repo: ConvenienceServicesRepository,
    private readonly orgs: OrgsService,
    private readonly clock: Clock,
  ) {}

  async stats(t: TownshipContext, year?: number): Promise<ServiceStats> {
    const now = this.clock.now()
    const y = year ?? Number(beijingDate(now).slice(0, 4))
    const villages = await this.orgs.villagesOf(t.townshipId)
    const names = new Map(villages.map((v) => [v.id, v.name]))
    const rows = await this.repo.counted(
      villages.map((v) => v.id),
      beijingDayStart(`${y}-01-01`),
      beijingDayStart(`${y + 1}-01-01`),
    )
    const by = new Map<string, ServiceStatsRow & { durations: number[] }>()
    for (const r of rows) {
      const key = `${r.villageId}:${r.itemCode}`
      let row = by.get(key)
      if (!row) {
        row = {
          villageId: r.villageId,
          villageName: names.get(r.villageId) ?? '',
          itemCode: r.itemCode,
          itemName: r.itemName,
          requested: 0,
          done: 0,
          overdue: 0,
          averageDays: null,
          durations: [],
        }
        by.set(key, row)
      }
      row.requested++
      if (r.state === 'done') {
        row.done++
        if (r.closedAt) row.durations.push(r.closedAt.getTime() - r.submittedAt.getTime())
      }
      if (isServiceOverdue(r, now)) row.overdue++
    }
    const out = [...by.values()]
      .map(({ durations, ...row }) => ({ ...row, averageDays: averageDays(durations) }))
      .sort((a, b) => a.villageId - b.villageId || a.itemName.localeCompare(b.itemName, 'zh'))
    return { townshipId: t.townshipId, year: y, rows: out }
  }
}
