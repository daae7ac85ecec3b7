import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { PersonalDataSection } from '../../core/privacy/personal-data'
import { ServiceRequestStep } from './entities/service-request-step.entity'
import { ServiceRequest } from './entities/service-request.entity'

/** The person's requests for services (便民服务) and their timelines. */
@Injectable()
export class ConvenienceServicesPersonalData implements PersonalDataSection {
  readonly section = 'services'
  constructor(private readonly ds: DataSource) {}

  async exportOf(accountId: number, m: EntityManager = this.ds.manager) {
    const requests = await m
      .getRepository(ServiceRequest)
      .find({ where: { accountId }, order: { id: 'ASC' } })
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
  async erase(m: EntityManager, accountId: number): Promise<ErasureOutcome> {
    const kept = await m
      .getRepository(ServiceRequest)
      .update({ accountId }, { residentName: ERASED_NAME, note: '' })
    await m.getRepository(ServiceRequestStep).update({ byAccountId: accountId }, { byName: ERASED_NAME })
    return {
      section: this.section,
      erased: 0,
      kept: kept.affected ?? 0,
      note: '您办过的事和交接经过作为村里帮办的记录保留，不再显示您的名字和您写的备注',
    }
  }
}
