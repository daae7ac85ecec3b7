import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { transitionVerification, type VerificationEvent, type VerificationView } from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { RosterDirectory } from '../../roster/roster-directory'
import type { VerificationRequest } from '../entities/verification-request.entity'
import { mustDecideClaims } from '../verification.policy'
import { VerificationRepository } from '../verification.repository'
import { HOME_PAGE, snapshot } from '../verification.rules'
import { ClaimReads } from './claim-reads'

/** The 两委 confirm a claim (the account becomes that roster person) or reject it with a reason. */
@Injectable()
export class ClaimDecisions {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly reads: ClaimReads,
    private readonly roster: RosterDirectory,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly tx: TxService,
  ) {}

  confirm(a: ActingContext, id: number): Promise<VerificationView> {
    return this.act(a, id, 'confirm', null)
  }

  reject(a: ActingContext, id: number, reason: string): Promise<VerificationView> {
    return this.act(a, id, 'reject', reason)
  }

  private async act(
    a: ActingContext,
    id: number,
    event: VerificationEvent,
    reason: string | null,
  ): Promise<VerificationView> {
    mustDecideClaims(a.viewer, a.villageId)
    const done = await this.tx.run(async (m) => {
      const request = await this.repo.find(m, a.villageId, id)
      if (!request) throw new AppException('NOT_FOUND')
      return this.decide(m, request, event, reason, a.actor)
    })
    return (await this.reads.views([done]))[0]!
  }

  /**
   * Decides a pending claim in the caller's transaction: a confirmation links the roster person to
   * the account, unless another account holds them meanwhile. Either way the person's pending slot
   * is freed, so someone else may claim them once this one is rejected.
   */
  async decide(
    m: EntityManager,
    request: VerificationRequest,
    event: VerificationEvent,
    reason: string | null,
    actor: Actor,
  ): Promise<VerificationRequest> {
    const t = transitionVerification(request.state, event)
    if (!t.ok) throw new AppException(t.code)
    const before = snapshot(request)
    if (t.next === 'confirmed') {
      const person = await this.roster.person(request.villageId, request.residentId!, m)
      if (!person) throw new AppException('VERIFICATION_NO_MATCH')
      if (person.accountId !== null && person.accountId !== request.accountId)
        throw new AppException('RESIDENT_ALREADY_LINKED')
      await this.roster.linkAccount(m, person.id, request.accountId)
    }
    request.state = t.next
    request.pendingResidentId = null
    request.reason = reason
    request.decidedByAccountId = actor.accountId
    request.decidedAt = new Date()
    await this.repo.save(m, request)
    await this.audit.append(m, {
      actor,
      action: event === 'confirm' ? 'verification.confirmed' : 'verification.rejected',
      orgId: request.villageId,
      targetType: 'verification',
      targetId: request.id,
      before,
      after: snapshot(request),
    })
    await this.notify.notify(m, {
      accountIds: [request.accountId],
      orgId: request.villageId,
      kind: `verification.${t.next}`,
      title: t.next === 'confirmed' ? '实名认证已通过' : '实名认证未通过',
      body:
        t.next === 'confirmed'
          ? '您已成为本村（社区）的认证居民，可以使用全部功能了。'
          : `原因：${reason ?? ''}。如有疑问请联系村委会。`,
      link: HOME_PAGE,
    })
    return request
  }
}
