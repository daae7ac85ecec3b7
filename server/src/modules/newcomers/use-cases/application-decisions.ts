import { Injectable } from '@nestjs/common'
import {
  parseIdNumber,
  transitionNewcomer,
  type NewcomerApplicationView,
  type NewcomerEvent,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { RosterDirectory } from '../../roster/roster-directory'
import { NewcomersRepository } from '../newcomers.repository'
import { APPLICANT_PAGE, newcomerHouseholdCode, snapshot } from '../newcomers.rules'
import { ApplicationReads } from './application-reads'

/**
 * The 两委 approve an application (the applicant goes on the roster as a 非户籍常住 household of their
 * own, linked to their account, so they are a resident of the village at once) or refuse it with a
 * reason; either way it is audited and the applicant is told in the inbox.
 */
@Injectable()
export class ApplicationDecisions {
  constructor(
    private readonly repo: NewcomersRepository,
    private readonly reads: ApplicationReads,
    private readonly roster: RosterDirectory,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
    private readonly tx: TxService,
  ) {}

  approve(a: ActingContext, id: number): Promise<NewcomerApplicationView> {
    return this.decide(a, id, 'approve', null)
  }

  refuse(a: ActingContext, id: number, reason: string): Promise<NewcomerApplicationView> {
    return this.decide(a, id, 'refuse', reason)
  }

  private async decide(
    a: ActingContext,
    id: number,
    event: NewcomerEvent,
    reason: string | null,
  ): Promise<NewcomerApplicationView> {
    const done = await this.tx.run(async (m) => {
      const app = await this.repo.findForUpdate(m, a.villageId, id)
      if (!app) throw new AppException('NOT_FOUND')
      const t = transitionNewcomer(app.state, event)
      if (!t.ok) throw new AppException(t.code)
      const before = snapshot(app)
      if (t.next === 'approved') {
        const idNumber = this.crypto.decrypt(app.idNumberEnc)
        // put on the roster meanwhile (an import, another application, 实名认证 of the same account)
        if (
          (await this.roster.personByIdNumber(app.villageId, idNumber, m)) ||
          (await this.roster.isLinkedIn(m, app.villageId, app.accountId))
        )
          throw new AppException('NEWCOMER_ALREADY_ON_ROSTER')
        const parsed = parseIdNumber(idNumber)
        if ('problem' in parsed) throw new AppException('ID_NUMBER_INVALID')
        app.residentId = await this.roster.enrolNewcomer(m, {
          villageId: app.villageId,
          householdCode: newcomerHouseholdCode(app.id),
          address: app.address,
          name: app.name,
          sex: parsed.sex,
          birthDate: parsed.birthDate,
          idNumber,
          phone: this.crypto.decrypt(app.phoneEnc),
          residentSince: app.movedInOn,
          proofFileId: app.proofFileIds[0] ?? null,
          accountId: app.accountId,
        })
      }
      app.state = t.next
      app.pendingKey = null
      app.reason = reason
      app.decidedByAccountId = a.actor.accountId
      app.decidedAt = this.clock.now()
      await this.repo.save(m, app)
      await this.audit.append(m, {
        actor: a.actor,
        action: t.next === 'approved' ? 'newcomer.approved' : 'newcomer.refused',
        orgId: app.villageId,
        targetType: 'newcomer_application',
        targetId: app.id,
        before,
        after: snapshot(app),
      })
      await this.notify.notify(m, {
        accountIds: [app.accountId],
        orgId: app.villageId,
        kind: `newcomer.${t.next}`,
        title: t.next === 'approved' ? '常住居民登记已通过' : '常住居民登记未通过',
        body:
          t.next === 'approved'
            ? '您已登记为本村（社区）的非户籍常住居民，可以反映问题、查看公开、参加意见征集和问卷了。'
            : `原因：${reason ?? ''}。如有疑问请联系村委会。`,
        link: APPLICANT_PAGE,
      })
      return app
    })
    return (await this.reads.views([done]))[0]!
  }
}
