import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  chinaDay,
  DELIBERATION_BODY_LABELS,
  earliestMeetingAt,
  findStep,
  isMeetingBody,
  stepBody,
  stepStartedAt,
  type DeliberationBody,
  type SchedulePreview,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { DeliberationStore } from '../deliberation-store'
import { bodyMembers, compositionOf } from '../meeting-members'
import { MeetingNoticesRepository } from '../meeting-notices.repository'
import { leadMinutesOr } from '../meeting-notices.rules'

/**
 * What the schedule form shows before a notice is sent: the earliest lawful day a notice sent now
 * allows, who would be summoned, and the village's check-in lead time.
 */
@Injectable()
export class MeetingNoticePreview {
  constructor(
    private readonly store: DeliberationStore,
    private readonly repo: MeetingNoticesRepository,
    private readonly clock: Clock,
  ) {}

  /** How long before a meeting of the village check-in opens. */
  async checkInLeadMinutes(m: EntityManager, villageId: number): Promise<number> {
    return leadMinutesOr(await this.repo.checkInLeadMinutes(villageId, m))
  }

  /** The rules a notice sent now would meet, before it is sent. */
  async preview(a: ActingContext, id: number, body: DeliberationBody): Promise<SchedulePreview> {
    const m = this.repo.reads
    const d = await this.store.find(m, a.villageId, id)
    const step = findStep(d.procedure, d.state.step)!
    const option = stepBody(step, body)
    if (step.kind !== 'meeting' || !option || !isMeetingBody(body))
      throw new AppException(
        'DELIBERATION_BODY_NOT_ALLOWED',
        undefined,
        `${DELIBERATION_BODY_LABELS[body]}不能办理“${step.label}”`,
      )
    const now = this.clock.now()
    const notice = option.notice ?? { minDays: 0, agendaRequired: false, planRequired: false }
    const earliest = earliestMeetingAt(notice, now)
    const members = await bodyMembers(m, d.villageId, body, earliest)
    const since = stepStartedAt(d.state) ?? d.createdAt
    return {
      step: step.key,
      body,
      notice,
      noticeAt: now.toISOString(),
      earliestMeetingAt: earliest.toISOString(),
      earliestDay: chinaDay(earliest),
      stepSince: since.toISOString(),
      members: members.length,
      composition: await compositionOf(m, d.villageId, body, members),
      checkInLeadMinutes: await this.checkInLeadMinutes(m, d.villageId),
    }
  }
}
