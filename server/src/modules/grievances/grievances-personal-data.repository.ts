import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { GrievanceEvent } from './entities/grievance-event.entity'
import { GrievanceSupport } from './entities/grievance-support.entity'
import { Grievance } from './entities/grievance.entity'

/** Raised by the account, or filed for the person's roster row by staff (代办). */
const raisedBy = (who: DataSubject): FindOptionsWhere<Grievance>[] => [
  { raiserAccountId: who.accountId },
  ...(who.residentIds.length ? [{ raiserResidentId: In(who.residentIds) }] : []),
]

/** The issues the person raised (村民说事) and the ones they +1'd. */
@Injectable()
export class GrievancesPersonalData implements PersonalDataSection {
  readonly section = 'grievances'
  constructor(private readonly ds: DataSource) {}

  async exportOf(who: DataSubject, m: EntityManager = this.ds.manager) {
    const { accountId } = who
    const raised = await m.getRepository(Grievance).find({ where: raisedBy(who), order: { id: 'ASC' } })
    const supported = await m
      .getRepository(GrievanceSupport)
      .find({ where: { accountId }, order: { id: 'ASC' } })
    return {
      raised: raised.map((g) => ({
        id: g.id,
        villageId: g.villageId,
        name: g.raiserName,
        category: g.category,
        title: g.title,
        text: g.text,
        photoIds: g.photoIds,
        location: g.location,
        visibility: g.visibility,
        state: g.state,
        rating: g.rating,
        ratingComment: g.ratingComment,
        createdAt: g.createdAt.toISOString(),
      })),
      supported: supported.map((s) => ({ grievanceId: s.grievanceId, at: s.createdAt.toISOString() })),
    }
  }

  /**
   * An issue and how it was handled is the village's record of a matter: it stays, but without the
   * person's name, the place they marked or their rating words; their +1s go.
   */
  async erase(m: EntityManager, who: DataSubject): Promise<ErasureOutcome> {
    const { accountId } = who
    const ids = (await m.getRepository(Grievance).find({ select: ['id'], where: raisedBy(who) })).map(
      (g) => g.id,
    )
    const raised = ids.length
      ? await m
          .getRepository(Grievance)
          .update({ id: In(ids) }, { raiserName: ERASED_NAME, location: null, ratingComment: null })
      : { affected: 0 }
    await m.getRepository(GrievanceEvent).update({ actorAccountId: accountId }, { actorName: ERASED_NAME })
    const support = await m.getRepository(GrievanceSupport).delete({ accountId })
    return {
      section: this.section,
      erased: support.affected ?? 0,
      kept: raised.affected ?? 0,
      note: '您反映的问题和处理经过作为村务记录保留，不再显示您的名字；标注的位置、评价留言和“+1”已删除',
    }
  }
}
