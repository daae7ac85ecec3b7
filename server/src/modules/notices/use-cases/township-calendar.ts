import { Injectable } from '@nestjs/common'
import {
  noticeRoutes,
  type QueryOf,
  type TownshipCalendarSummary,
  type TownshipNoticeCalendar,
  type VillageNoticeCalendar,
} from '@xiangli/shared'
import type { TownshipContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { OrgsService } from '../../orgs/orgs.service'
import { ObjectionsRepository } from '../objections.repository'
import { NoticeCalendar } from './notice-calendar'

type Query = QueryOf<typeof noticeRoutes.townshipCalendar>
type Village = { id: number; name: string; createdAt: Date }

/** Villages whose calendars are computed together: three statements each, whatever the township's size. */
const CHUNK = 200

/**
 * The township's view of the publication calendar (Art 31), a page of villages at a time in the order
 * of their ids, so that a page costs the same at 1,000 villages as at 20. A page reads only its own
 * villages' notices; `only=overdue` walks the villages after the cursor a chunk at a time until the
 * page is full. The first page also carries the township-wide counts, computed over every village a
 * chunk at a time, of which only the counts leave the server.
 */
@Injectable()
export class TownshipCalendar {
  constructor(
    private readonly calendars: NoticeCalendar,
    private readonly objections: ObjectionsRepository,
    private readonly orgs: OrgsService,
    private readonly clock: Clock,
  ) {}

  async page(t: TownshipContext, q: Query): Promise<TownshipNoticeCalendar> {
    const now = this.clock.now()
    const summary = q.after === undefined ? await this.summary(t.townshipId, now) : null
    const { shown, more } =
      q.only === 'overdue'
        ? await this.overduePage(t.townshipId, q, now)
        : await this.plainPage(t.townshipId, q, now)
    const counts = await this.objections.overdueByVillage(
      shown.map((c) => c.villageId),
      now,
    )
    return {
      townshipId: t.townshipId,
      villages: shown.map((c) => ({ ...c, overdueObjections: counts.get(c.villageId) ?? 0 })),
      ...(more && shown.length > 0 ? { nextAfter: shown[shown.length - 1]!.villageId } : {}),
      summary,
    }
  }

  /** The next `pageSize` villages (one more is read to know whether there are more). */
  private async plainPage(townshipId: number, q: Query, now: Date) {
    const villages = await this.orgs.villagesOf(townshipId, { after: q.after, limit: q.pageSize + 1 })
    const shown = await this.calendars.forVillages(villages.slice(0, q.pageSize), now)
    return { shown, more: villages.length > q.pageSize }
  }

  /** The next `pageSize` villages with overdue items, looking through the villages a chunk at a time. */
  private async overduePage(townshipId: number, q: Query, now: Date) {
    const found: VillageNoticeCalendar[] = []
    const size = Math.min(CHUNK, Math.max(50, (q.pageSize + 1) * 4))
    let after = q.after
    for (;;) {
      const chunk = await this.orgs.villagesOf(townshipId, { after, limit: size })
      if (chunk.length === 0) break
      found.push(...(await this.calendars.forVillages(chunk, now)).filter((c) => c.overdue > 0))
      if (found.length > q.pageSize || chunk.length < size) break
      after = chunk[chunk.length - 1]!.id
    }
    return { shown: found.slice(0, q.pageSize), more: found.length > q.pageSize }
  }

  /** Every village's counts, a chunk of villages at a time; the items stay on the server. */
  private async summary(townshipId: number, now: Date): Promise<TownshipCalendarSummary> {
    const villages = await this.orgs.villagesOf(townshipId)
    const out: TownshipCalendarSummary = {
      villages: villages.length,
      compliant: 0,
      withDue: 0,
      withOverdue: 0,
    }
    for (const chunk of chunks(villages, CHUNK))
      for (const c of await this.calendars.forVillages(chunk, now)) {
        if (c.due === 0 && c.overdue === 0) out.compliant += 1
        if (c.due > 0) out.withDue += 1
        if (c.overdue > 0) out.withOverdue += 1
      }
    return out
  }
}

function chunks(villages: Village[], size: number): Village[][] {
  const out: Village[][] = []
  for (let i = 0; i < villages.length; i += size) out.push(villages.slice(i, i + size))
  return out
}
