import { Injectable, type OnModuleInit } from '@nestjs/common'
import { DELIBERATION_BODY_LABELS } from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import {
  DeliberationHooks,
  type ClosedSolicitation,
  type EndedMeeting,
  type HookedDeliberation,
} from '../../deliberations/deliberation-hooks'
import { ActivitiesService } from '../../activities/activities.service'
import type { RecordedHours } from '../../activities/activity-hooks'
import { RosterDirectory } from '../../roster/roster-directory'
import { PointsLedger } from './points-ledger'

/**
 * Awards that follow from what happened in a deliberation. A meeting awards those present when it
 * ends, all at its end and in roster order, from the attendance alone: nothing of a ballot reaches
 * here, so no entry's time, order or content can tell how anyone voted. An opinion window awards
 * each person who gave an opinion once, whatever they wrote, when the committee closes it.
 */
@Injectable()
export class PointsEvents implements OnModuleInit {
  constructor(
    private readonly hooks: DeliberationHooks,
    private readonly activities: ActivitiesService,
    private readonly ledger: PointsLedger,
    private readonly roster: RosterDirectory,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      afterMeetingEnded: (m, d, meeting) => this.meetingEnded(m, d, meeting),
      afterSolicitationClosed: (m, d, window) => this.solicitationClosed(m, d, window),
    })
    this.activities.subscribe({ afterHoursRecorded: (m, h) => this.volunteered(m, h) })
  }

  /**
   * 志愿服务: the volunteering rule's points for each whole hour the organiser credited (half an hour
   * left over earns nothing), in the same transaction as the hours, to the volunteer's household.
   */
  async volunteered(m: EntityManager, h: RecordedHours): Promise<void> {
    const hours = Math.floor(h.hours)
    if (hours < 1) return
    const standing = await this.roster.standing(h.villageId, h.residentId, m)
    if (!standing) return
    await this.ledger.awardIn(m, {
      villageId: h.villageId,
      householdId: standing.householdId,
      residentId: h.residentId,
      personName: standing.name,
      kind: 'volunteering',
      sourceType: 'activity',
      sourceId: h.activityId,
      sourceLabel: `志愿服务：${h.title}（${hours} 小时）`,
      hours,
      earnedAt: h.recordedAt,
      actor: h.actor,
    })
  }

  async meetingEnded(m: EntityManager, d: HookedDeliberation, meeting: EndedMeeting): Promise<void> {
    await this.ledger.awardBatch(m, {
      villageId: d.villageId,
      kind: 'meeting_attendance',
      sourceType: 'meeting',
      sourceId: meeting.meetingId,
      sourceLabel: `${DELIBERATION_BODY_LABELS[meeting.body]}：${d.title}`,
      earnedAt: meeting.endedAt,
      actor: meeting.actor,
      people: meeting.present,
    })
  }

  async solicitationClosed(
    m: EntityManager,
    d: HookedDeliberation,
    window: ClosedSolicitation,
  ): Promise<void> {
    const people: { residentId: number; householdId: number; name: string }[] = []
    for (const g of window.givers) {
      const standing = await this.roster.standing(d.villageId, g.residentId, m)
      if (standing) people.push({ residentId: g.residentId, householdId: standing.householdId, name: g.name })
    }
    await this.ledger.awardBatch(m, {
      villageId: d.villageId,
      kind: 'opinion',
      sourceType: 'opinion_window',
      sourceId: d.id,
      sourceLabel: `征求意见：${d.title}`,
      earnedAt: window.closedAt,
      actor: window.actor,
      people,
    })
  }
}
