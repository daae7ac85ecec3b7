import { Injectable } from '@nestjs/common'
import {
  DEFAULT_CALENDAR_SETTINGS,
  beijingDate,
  computeCalendar,
  periodBounds,
  quarterOf,
  summariseCalendar,
  type CalendarPublication,
  type NoticeSettings,
  type NoticeSettingsRequest,
  type VillageNoticeCalendar,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { CalendarRepository } from '../calendar.repository'
import { NoticesRepository } from '../notices.repository'

/** Until a village sets its own: the defaults, with no obligations from before it used the app. */
const defaultsFrom = (joinedAt: Date): NoticeSettings => ({
  ...DEFAULT_CALENDAR_SETTINGS,
  calendarFrom: periodBounds(quarterOf(beijingDate(joinedAt)))!.start,
})

/**
 * The publication calendar of Art 30: 村务 at least quarterly, 财务 monthly or quarterly, major matters at
 * once. What is due and overdue is counted from the village's settings and its published notices.
 */
@Injectable()
export class NoticeCalendar {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly many: CalendarRepository,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The village's settings; until it sets its own, the defaults from the quarter it joined. */
  async settings(villageId: number): Promise<NoticeSettings> {
    const row = await this.repo.settings(villageId)
    if (row)
      return {
        financeCadence: row.financeCadence,
        graceDays: row.graceDays,
        majorDays: row.majorDays,
        calendarFrom: row.calendarFrom,
      }
    const village = await this.orgs.village(villageId)
    return defaultsFrom(village.createdAt)
  }

  /** Leaving calendarFrom out keeps the day the calendar counts from. */
  async updateSettings(a: ActingContext, body: NoticeSettingsRequest): Promise<NoticeSettings> {
    await this.tx.run(async (m) => {
      const before = await this.settings(a.villageId)
      const row = { villageId: a.villageId, ...body, calendarFrom: body.calendarFrom ?? before.calendarFrom }
      await this.repo.saveSettings(m, row)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.settings_changed',
        orgId: a.villageId,
        targetType: 'notice_settings',
        targetId: a.villageId,
        before,
        after: row,
      })
    })
    return this.settings(a.villageId)
  }

  async calendar(villageId: number, now = this.clock.now()): Promise<VillageNoticeCalendar> {
    const village = await this.orgs.village(villageId)
    const settings = await this.settings(villageId)
    const published = await this.repo.calendarPublications(villageId)
    const pending = await this.repo.pendingMajors(villageId)
    const items = computeCalendar({
      settings,
      from: settings.calendarFrom,
      now,
      publications: published.flatMap((n) =>
        n.publishedAt
          ? [
              {
                noticeId: n.id,
                category: n.category,
                publishedAt: n.publishedAt,
                coversPeriod: n.coversPeriod,
              },
            ]
          : [],
      ),
      pendingMajors: pending.map((n) => ({ noticeId: n.id, title: n.title, createdAt: n.createdAt })),
    })
    return { villageId, villageName: village.name, settings, items, ...summariseCalendar(items) }
  }

  /**
   * The calendars of many villages (the township's view) in three statements whatever their number;
   * each village's items cut to those still `due` or `overdue` (what the township acts on) beside its
   * counts, so that a township of many villages is not sent every quarter of every one.
   */
  async forVillages(
    villages: { id: number; name: string; createdAt: Date }[],
    now = this.clock.now(),
  ): Promise<VillageNoticeCalendar[]> {
    if (villages.length === 0) return []
    const ids = villages.map((v) => v.id)
    const [settings, published, pending] = await Promise.all([
      this.many.settingsOf(ids),
      this.many.publicationsOf(ids),
      this.many.pendingMajorsOf(ids),
    ])
    return villages.map((v) => {
      const row = settings.get(v.id)
      const s: NoticeSettings = row
        ? {
            financeCadence: row.financeCadence,
            graceDays: row.graceDays,
            majorDays: row.majorDays,
            calendarFrom: row.calendarFrom,
          }
        : defaultsFrom(v.createdAt)
      const items = computeCalendar({
        settings: s,
        from: s.calendarFrom,
        now,
        publications: (published.get(v.id) ?? []).map((n) => ({
          noticeId: n.id,
          category: n.category,
          publishedAt: n.publishedAt,
          coversPeriod: n.coversPeriod as CalendarPublication['coversPeriod'],
        })),
        pendingMajors: (pending.get(v.id) ?? []).map((n) => ({
          noticeId: n.id,
          title: n.title,
          createdAt: n.createdAt,
        })),
      })
      return {
        villageId: v.id,
        villageName: v.name,
        settings: s,
        items: items.filter((i) => i.status === 'due' || i.status === 'overdue'),
        ...summariseCalendar(items),
      }
    })
  }
}
