import { Injectable } from '@nestjs/common'
import type { NoticeAckReport, NoticeAckResult } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { RosterDirectory } from '../../roster/roster-directory'
import { mustBeInAudience } from '../notices.policy'
import { presentAckReport } from '../notices.presenter'
import { NoticesRepository } from '../notices.repository'
import { isPublic, isPublished } from '../notices.rules'
import { NoticeSteps } from './notice-steps'

/** 确认收到: a notice that asks for it is acknowledged once per household, by any of its members. */
@Injectable()
export class Acknowledgements {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly steps: NoticeSteps,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly roster: RosterDirectory,
    private readonly clock: Clock,
  ) {}

  /** The unique key, not this code, keeps it to one per household when two members press at once. */
  async acknowledge(a: ActingContext, id: number): Promise<NoticeAckResult> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    const household = residentId ? await this.roster.householdOf(a.villageId, residentId) : null
    if (!household) throw new AppException('NOTICE_NO_HOUSEHOLD')
    const at = this.clock.now()
    try {
      await this.tx.run(async (m) => {
        const n = await this.steps.found(m, a.villageId, id)
        if (!isPublished(n)) throw new AppException('NOTICE_NOT_PUBLISHED')
        // not yet past the content check: not there for residents
        if (!isPublic(n)) throw new AppException('NOT_FOUND')
        if (!n.requiresAck) throw new AppException('NOTICE_ACK_NOT_REQUESTED')
        mustBeInAudience(n, household.groupId)
        const ack = await this.repo.insertAck(m, {
          noticeId: n.id,
          householdId: household.householdId,
          residentId: household.residentId,
          accountId: a.viewer.accountId,
          residentName: household.residentName,
          at,
        })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'notice.acknowledged',
          orgId: a.villageId,
          targetType: 'notice_ack',
          targetId: ack.id,
          after: { noticeId: n.id, householdId: household.householdId },
        })
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('NOTICE_ALREADY_ACKNOWLEDGED')
      throw e
    }
    return { acknowledged: true, householdId: household.householdId, at: at.toISOString() }
  }

  /** The households the notice is for: which acknowledged it, by whom and when, and which did not yet. */
  async report(a: ActingContext, id: number): Promise<NoticeAckReport> {
    const n = await this.repo.find(a.villageId, id)
    if (!n) throw new AppException('NOT_FOUND')
    if (!n.requiresAck) throw new AppException('NOTICE_ACK_NOT_REQUESTED')
    const households = await this.roster.households(n.villageId, n.audienceGroupId)
    const heads = await this.roster.names(
      households.map((h) => h.headResidentId).filter((x): x is number => x !== null),
    )
    return presentAckReport(households, heads, await this.repo.acks(n.id))
  }
}
