import { Injectable } from '@nestjs/common'
import { petitionPage, type PetitionView } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { isInitiator } from '../petitions.policy'
import { PetitionsRepository } from '../petitions.repository'
import { snapshot } from '../petitions.rules'
import { PetitionReads } from './petition-reads'

/** The initiator takes back a petition that has not reached the threshold; its signers are told. */
@Injectable()
export class PetitionWithdrawal {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly reads: PetitionReads,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
  ) {}

  async withdraw(a: ActingContext, id: number): Promise<PetitionView> {
    await this.tx.run(async (m) => {
      const p = await this.repo.find(a.villageId, id, m, true)
      if (!p) throw new AppException('NOT_FOUND')
      if (!isInitiator(a.viewer, p)) throw new AppException('PETITION_NOT_YOURS')
      if (!(await this.repo.move(m, p.id, 'open', { status: 'withdrawn', withdrawnAt: new Date() })))
        throw new AppException('PETITION_CANNOT_WITHDRAW')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'petition.withdrawn',
        orgId: p.villageId,
        targetType: 'petition',
        targetId: p.id,
        before: snapshot(p),
        after: { ...snapshot(p), status: 'withdrawn' },
      })
      await this.notify.notify(m, {
        accountIds: (await this.repo.signerAccounts(m, p.id)).filter((x) => x !== a.viewer.accountId),
        orgId: p.villageId,
        kind: 'petition.withdrawn',
        title: '联名提议已撤回',
        body: `您签名的「${p.title}」已由发起人${p.initiatorName}撤回。`,
        link: petitionPage(p.id, p.villageId),
      })
    })
    return this.reads.detail(a, id)
  }
}
