import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { deliberationPage, PETITION_TARGET_LABELS } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { NotifyService } from '../../inbox/notify.service'
import { PetitionsRepository } from '../petitions.repository'
import { snapshot } from '../petitions.rules'

/** A reached petition becomes the source of a deliberation (已列入议事); its signers are told. */
@Injectable()
export class PetitionConvening {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
  ) {}

  /**
   * Marks a reached petition convened, inside the transaction that creates its deliberation. A
   * petition not of this village is not a source; one not yet reached, or already convened, is refused.
   */
  async convene(
    m: EntityManager,
    a: ActingContext,
    petitionId: number,
    deliberationId: number,
  ): Promise<void> {
    const p = await this.repo.findIn(m, a.villageId, petitionId)
    if (!p) throw new AppException('DELIBERATION_SOURCE_INVALID')
    if (p.status === 'convened') throw new AppException('PETITION_ALREADY_CONVENED')
    if (p.status !== 'reached') throw new AppException('PETITION_NOT_REACHED')
    if (!(await this.repo.move(m, p.id, 'reached', { status: 'convened', deliberationId })))
      throw new AppException('PETITION_ALREADY_CONVENED')
    await this.audit.append(m, {
      actor: a.actor,
      action: 'petition.convened',
      orgId: p.villageId,
      targetType: 'petition',
      targetId: p.id,
      before: snapshot(p),
      after: { ...snapshot(p), status: 'convened', deliberationId },
    })
    await this.notify.notify(m, {
      accountIds: await this.repo.signerAccounts(m, p.id),
      orgId: p.villageId,
      kind: 'petition.convened',
      title: '联名提议已列入议事',
      body: `您签名的「${p.title}」已由两委列入议事，将按程序召集${PETITION_TARGET_LABELS[p.target]}。`,
      link: deliberationPage(deliberationId),
    })
  }
}
