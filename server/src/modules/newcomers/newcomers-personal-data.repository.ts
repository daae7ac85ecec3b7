import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { NewcomerApplication } from './entities/newcomer-application.entity'

/** The person's applications to be on a village's roster: name, ID number, phone, address they gave. */
@Injectable()
export class NewcomersPersonalData implements PersonalDataSection {
  readonly section = 'newcomerApplications'
  constructor(private readonly ds: DataSource) {}

  async exportOf({ accountId }: DataSubject, m: EntityManager = this.ds.manager) {
    const rows = await m
      .getRepository(NewcomerApplication)
      .find({ where: { accountId }, order: { id: 'ASC' } })
    return rows.map((r) => ({
      id: r.id,
      villageId: r.villageId,
      name: r.name,
      idNumber: r.idNumberMasked,
      phone: r.phoneMasked,
      address: r.address,
      movedInOn: r.movedInOn,
      state: r.state,
      reason: r.reason,
      submittedAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    }))
  }

  /**
   * An application still waiting is deleted; a decided one keeps only that it was decided, when and
   * by whom (the audit trail records the same): what the person typed into it is removed.
   */
  async erase(m: EntityManager, { accountId }: DataSubject): Promise<ErasureOutcome> {
    const repo = m.getRepository(NewcomerApplication)
    const pending = await repo.delete({ accountId, state: 'pending' })
    const decided = await repo.update(
      { accountId },
      { name: ERASED_NAME, idNumberEnc: '', idNumberMasked: '', phoneEnc: '', phoneMasked: '', address: '' },
    )
    return {
      section: this.section,
      erased: (pending.affected ?? 0) + (decided.affected ?? 0),
      kept: 0,
      note: '登记申请里的姓名、身份证号、手机号和住址已删除；已处理的申请只留下处理结果和时间',
    }
  }
}
