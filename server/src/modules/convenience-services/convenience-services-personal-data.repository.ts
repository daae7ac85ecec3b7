import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { ServiceRequestStep } from './entities/service-request-step.entity'
import { ServiceRequest } from './entities/service-request.entity'

/** Asked by the account, or filed for the person's roster row at the desk (代办) before they had one. */
const askedBy = (who: DataSubject): FindOptionsWhere<ServiceRequest>[] => [
  { accountId: who.accountId },
  ...(who.residentIds.length ? [{ residentId: In(who.residentIds) }] : []),
]

/** The person's requests for services (便民服务) and their timelines. */
@Injectable()
export class ConvenienceServicesPersonalData implements PersonalDataSection {
  readonly section = 'services'
  constructor(private readonly ds: DataSource) {}

  async exportOf(who: DataSubject, m: EntityManager = this.ds.manager) {
    const requests = await m.getRepository(ServiceRequest).find({ where: askedBy(who), order: { id: 'ASC' } })
    const steps = requests.length
      ? await m
          .getRepository(ServiceRequestStep)
          .find({ where: { requestId: In(requests.map((r) => r.id)) }, order: { id: 'ASC' } })
      : []
    return requests.map((r) => ({
      id: r.id,
      villageId: r.villageId,
      name: r.residentName,
      service: r.itemName,
      office: r.office,
      materialsBrought: r.materialsBrought,
      note: r.note,
      photoIds: r.photoIds,
      filedFor: r.proxy ? { by: r.proxy.name, as: r.proxy.as, consent: r.proxy.consent.kind } : null,
      state: r.state,
      refuseReason: r.refuseReason,
      submittedAt: r.submittedAt.toISOString(),
      steps: steps
        .filter((s) => s.requestId === r.id)
        .map((s) => ({ kind: s.kind, at: s.at.toISOString(), by: s.byName, office: s.office, note: s.note })),
    }))
  }

  /**
   * A request and its hand-offs are the desk's record of papers carried for someone: they stay,
   * without the person's name or what they wrote; the lines they recorded themselves lose their name.
   */
  async erase(m: EntityManager, who: DataSubject): Promise<ErasureOutcome> {
    const repo = m.getRepository(ServiceRequest)
    const ids = (await repo.find({ select: ['id'], where: askedBy(who) })).map((r) => r.id)
    if (ids.length) await repo.update({ id: In(ids) }, { residentName: ERASED_NAME, note: '' })
    await m.getRepository(ServiceRequestStep).update({ byAccountId: who.accountId }, { byName: ERASED_NAME })
    return {
      section: this.section,
      erased: 0,
      kept: ids.length,
      note: '您办过的事和交接经过作为村里帮办的记录保留，不再显示您的名字和您写的备注',
    }
  }
}
