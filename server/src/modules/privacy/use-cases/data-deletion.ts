import { Injectable } from '@nestjs/common'
import type { DataDeletionView, ErasureOutcome } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { actorOf } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { PersonalDataSections } from '../personal-data-sections'
import { presentDeletion } from '../privacy.presenter'
import { PrivacyRepository } from '../privacy.repository'

/**
 * A person asks for their personal data to be deleted; a system administrator processes the request.
 * Processing runs every module's `erase` in one transaction: what the law lets go is removed or made
 * anonymous, what it requires kept (ballots and their secrecy, public records, the audit trail,
 * issued certificates and the seal register) stays, and each section says which. Both steps are in
 * the audit trail; the audit trail itself is never rewritten.
 */
@Injectable()
export class DataDeletion {
  constructor(
    private readonly repo: PrivacyRepository,
    private readonly sections: PersonalDataSections,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(p: Principal): Promise<DataDeletionView> {
    const row = await this.tx.run(async (m) => {
      const created = await this.repo.insertDeletion(m, p.accountId)
      if (!created) throw new AppException('DATA_DELETION_PENDING')
      await this.audit.append(m, {
        actor: actorOf(p),
        action: 'privacy.deletion_requested',
        orgId: null,
        targetType: 'data_deletion_request',
        targetId: created.id,
        after: { accountId: p.accountId },
      })
      return created
    })
    return presentDeletion(row)
  }

  async pending(): Promise<DataDeletionView[]> {
    return (await this.repo.pendingDeletions()).map(presentDeletion)
  }

  async process(admin: Principal, id: number): Promise<DataDeletionView> {
    return this.tx.run(async (m) => {
      const found = await this.repo.findDeletion(m, id)
      if (!found) throw new AppException('NOT_FOUND')
      if (found.state !== 'pending') throw new AppException('DATA_DELETION_NOT_PENDING')
      const outcome: ErasureOutcome[] = []
      const who = await this.sections.subject(found.accountId, m)
      for (const s of this.sections.all) outcome.push(await s.erase(m, who))
      outcome.push({
        section: 'consents',
        erased: await this.repo.eraseConsents(m, found.accountId),
        kept: 0,
        note: '同意隐私指引的记录已删除（操作留痕里仍有同意过的记载）',
      })
      const at = this.clock.now()
      if (!(await this.repo.completeDeletion(m, id, admin.accountId, at, outcome)))
        throw new AppException('DATA_DELETION_NOT_PENDING')
      await this.audit.append(m, {
        actor: actorOf(admin, 'admin'),
        action: 'privacy.deletion_processed',
        orgId: null,
        targetType: 'data_deletion_request',
        targetId: id,
        before: { state: 'pending' },
        after: { state: 'done', accountId: found.accountId, outcome },
      })
      return presentDeletion({
        ...found,
        state: 'done',
        pendingAccountId: null,
        processedAt: at,
        processedByAccountId: admin.accountId,
        outcome,
      })
    })
  }
}
