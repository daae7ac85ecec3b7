import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { VerificationRequest } from './entities/verification-request.entity'

/** The person's 实名认证 claims: the name, ID number and phone they typed. */
@Injectable()
export class VerificationPersonalData implements PersonalDataSection {
  readonly section = 'verifications'
  constructor(private readonly ds: DataSource) {}

  async exportOf({ accountId }: DataSubject, m: EntityManager = this.ds.manager) {
    const rows = await m
      .getRepository(VerificationRequest)
      .find({ where: { accountId }, order: { id: 'ASC' } })
    return rows.map((r) => ({
      id: r.id,
      villageId: r.villageId,
      name: r.name,
      idNumber: r.idNumberMasked,
      phone: r.phoneMasked,
      state: r.state,
      reason: r.reason,
      submittedAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    }))
  }

  /**
   * A claim still waiting is deleted; a decided one keeps only that it was decided, when and by whom
   * (the audit trail records the same): the name, ID number and phone typed into it are removed.
   */
  async erase(m: EntityManager, { accountId }: DataSubject): Promise<ErasureOutcome> {
    const repo = m.getRepository(VerificationRequest)
    const pending = await repo.delete({ accountId, state: 'pending' })
    const decided = await repo.update(
      { accountId },
      {
        name: ERASED_NAME,
        idNumberEnc: '',
        idNumberMasked: '',
        phoneEnc: null,
        phoneMasked: null,
        legacyPhone: null,
      },
    )
    return {
      section: this.section,
      erased: (pending.affected ?? 0) + (decided.affected ?? 0),
      kept: 0,
      note: '认证申请里的姓名、身份证号、手机号已删除；已处理的申请只留下处理结果和时间',
    }
  }
}
