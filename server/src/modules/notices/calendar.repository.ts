import { Injectable } from '@nestjs/common'
import { DataSource, In } from 'typeorm'
import { dialectOf } from '../../core/database/dialect'
import { reportReads } from '../../core/database/report-reads'
import { NoticeSettingsRow } from './entities/notice-settings.entity'
import { PublicNotice } from './entities/public-notice.entity'
import { DRAFT_STATES, PUBLISHED_STATES } from './notices.rules'

/** A published notice as the publication calendar counts it. */
export interface CalendarRow {
  id: number
  villageId: number
  category: PublicNotice['category']
  publishedAt: Date
  coversPeriod: string | null
}

const group = <T extends { villageId: number }>(rows: T[]): Map<number, T[]> => {
  const out = new Map<number, T[]>()
  for (const r of rows) out.set(r.villageId, [...(out.get(r.villageId) ?? []), r])
  return out
}

/**
 * The publication calendars of many villages at once (the township's view): a fixed number of
 * statements whatever the number of villages, and only the notices a calendar can count.
 */
@Injectable()
export class CalendarRepository {
  constructor(private readonly ds: DataSource) {}

  async settingsOf(villageIds: number[]): Promise<Map<number, NoticeSettingsRow>> {
    const rows = await this.ds.getRepository(NoticeSettingsRow).findBy({ villageId: In(villageIds) })
    return new Map(rows.map((r) => [r.villageId, r]))
  }

  /**
   * The published 村务 and 财务 notices a calendar can count, per village. A 村务 quarter is met by the
   * first notice in its window not taken by the quarter before, so the first two of each (Beijing)
   * month are all it can use; a 财务 period by the first notice that reports it. The database keeps
   * just those (ROW_NUMBER over the covering index) instead of sending every notice ever published.
   */
  async publicationsOf(villageIds: number[]): Promise<Map<number, CalendarRow[]>> {
    const month =
      dialectOf(this.ds) === 'mysql'
        ? "DATE_FORMAT(n.publishedAt + INTERVAL 8 HOUR, '%Y-%m')"
        : "strftime('%Y-%m', n.publishedAt, '+8 hours')"
    const ranked = this.ds
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .select(['n.id AS id', 'n.villageId AS villageId', 'n.category AS category'])
      .addSelect(['n.publishedAt AS publishedAt', 'n.coversPeriod AS coversPeriod'])
      .addSelect(
        `ROW_NUMBER() OVER (PARTITION BY n.villageId, n.category, CASE WHEN n.category = 'finance' THEN n.coversPeriod ELSE ${month} END ORDER BY n.publishedAt, n.id)`,
        'rn',
      )
      .where('n.villageId IN (:...villageIds) AND n.state IN (:...states)', {
        villageIds,
        states: [...PUBLISHED_STATES],
      })
      .andWhere(
        "((n.category = 'village' AND n.publishedAt IS NOT NULL) OR (n.category = 'finance' AND n.coversPeriod IS NOT NULL AND n.publishedAt IS NOT NULL))",
      )
    const raw: Record<string, unknown>[] = await reportReads(this.ds, (m) =>
      m
        .createQueryBuilder()
        .select('*')
        .from(`(${ranked.getQuery()})`, 'r')
        .where("r.rn <= CASE WHEN r.category = 'finance' THEN 1 ELSE 2 END")
        .setParameters(ranked.getParameters())
        .getRawMany(),
    )
    return group(
      raw.map((r) => ({
        id: Number(r.id),
        villageId: Number(r.villageId),
        category: r.category as CalendarRow['category'],
        publishedAt: this.asDate(r.publishedAt),
        coversPeriod: (r.coversPeriod as string | null) ?? null,
      })),
    )
  }

  /** Major matters not yet published, per village. */
  async pendingMajorsOf(villageIds: number[]) {
    const rows = await this.ds.getRepository(PublicNotice).find({
      where: { villageId: In(villageIds), state: In([...DRAFT_STATES]), major: true },
      select: ['id', 'villageId', 'title', 'createdAt'],
    })
    return group(rows)
  }

  /** A raw datetime as the entity would read it: SQLite keeps UTC text without a zone. */
  private asDate(v: unknown): Date {
    if (v instanceof Date) return v
    const s = String(v)
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`)
  }
}
