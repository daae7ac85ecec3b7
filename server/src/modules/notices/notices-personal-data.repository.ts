import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { PersonalDataSection } from '../../core/privacy/personal-data'
import { NoticeObjection } from './entities/notice-objection.entity'

/** The person's objections to public notices (对公开事项的异议). */
@Injectable()
export class NoticesPersonalData implements PersonalDataSection {
  readonly section = 'objections'
  constructor(private readonly ds: DataSource) {}

  async exportOf(accountId: number, m: EntityManager = this.ds.manager) {
    const rows = await m
      .getRepository(NoticeObjection)
      .find({ where: { objectorAccountId: accountId }, order: { id: 'ASC' } })
    return rows.map((o) => ({
      id: o.id,
      noticeId: o.noticeId,
      villageId: o.villageId,
      name: o.objectorName,
      text: o.text,
      photoIds: o.photoIds,
      state: o.state,
      submittedAt: o.submittedAt.toISOString(),
      answer: o.answer,
      answeredAt: o.answeredAt?.toISOString() ?? null,
      townshipAnswer: o.townshipAnswer,
    }))
  }

  /** An objection and its answer belong to the village's public record: kept, without the name. */
  async erase(m: EntityManager, accountId: number): Promise<ErasureOutcome> {
    const r = await m
      .getRepository(NoticeObjection)
      .update({ objectorAccountId: accountId }, { objectorName: ERASED_NAME })
    return {
      section: this.section,
      erased: 0,
      kept: r.affected ?? 0,
      note: '对公开事项的异议和答复属于村务档案，依法保留，不再显示您的名字',
    }
  }
}
