import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { NoticeObjection } from './entities/notice-objection.entity'

/** Objected by the account, or filed for the person's roster row by staff (代办). */
const objectedBy = (who: DataSubject): FindOptionsWhere<NoticeObjection>[] => [
  { objectorAccountId: who.accountId },
  ...(who.residentIds.length ? [{ objectorResidentId: In(who.residentIds) }] : []),
]

/** The person's objections to public notices (对公开事项的异议). */
@Injectable()
export class NoticesPersonalData implements PersonalDataSection {
  readonly section = 'objections'
  constructor(private readonly ds: DataSource) {}

  async exportOf(who: DataSubject, m: EntityManager = this.ds.manager) {
    const rows = await m.getRepository(NoticeObjection).find({ where: objectedBy(who), order: { id: 'ASC' } })
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
  async erase(m: EntityManager, who: DataSubject): Promise<ErasureOutcome> {
    const repo = m.getRepository(NoticeObjection)
    const ids = (await repo.find({ select: ['id'], where: objectedBy(who) })).map((o) => o.id)
    const r = ids.length ? await repo.update({ id: In(ids) }, { objectorName: ERASED_NAME }) : { affected: 0 }
    return {
      section: this.section,
      erased: 0,
      kept: r.affected ?? 0,
      note: '对公开事项的异议和答复属于村务档案，依法保留，不再显示您的名字',
    }
  }
}
