import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  serviceDueOn,
  SERVICE_CLOSED_STATES,
  transition,
  type ServiceHandoff,
  type ServiceRequestState,
} from '@xiangli/shared'
import { ConvenienceServicesRepository } from './convenience-services.repository'
import { ServiceCatalogue } from './use-cases/service-catalogue'

/** A demo request: who asked for what, when, and the hand-offs recorded since. */
export interface DemoServiceRequest {
  villageId: number
  countyId: number
  residentId: number
  residentName: string
  accountId: number | null
  itemCode: string
  materials: string[]
  note: string
  submittedAt: Date
  handoffs: { kind: ServiceHandoff; at: Date; byAccountId: number; byName: string; receiver?: string }[]
}

/** What other modules may do with 便民服务; today only the demo seeder writes here. */
@Injectable()
export class ConvenienceServicesService {
  constructor(
    private readonly catalogue: ServiceCatalogue,
    private readonly repo: ConvenienceServicesRepository,
  ) {}

  seedDefaultCatalogue(m: EntityManager, countyId: number): Promise<void> {
    return this.catalogue.seedDefaults(m, countyId)
  }

  /** A request and its timeline as the demo tells it, walked through the state machine. */
  async seedDemo(m: EntityManager, d: DemoServiceRequest, accountId: number): Promise<number> {
    const item = (await this.repo.item(d.countyId, d.itemCode, m))!
    let state: ServiceRequestState = 'submitted'
    for (const h of d.handoffs) {
      const t = transition(state, h.kind, item.handling)
      if (!t.ok) throw new Error(`demo request: ${state} ${h.kind}: ${t.code}`)
      state = t.next
    }
    const last = d.handoffs.at(-1)
    const r = await this.repo.insertRequest(m, {
      villageId: d.villageId,
      residentId: d.residentId,
      residentName: d.residentName,
      accountId: d.accountId,
      itemCode: item.code,
      itemVersion: item.version,
      itemName: item.name,
      office: item.office,
      handling: item.handling,
      timeLimitDays: item.timeLimitDays,
      dayKind: item.dayKind,
      materialsAsked: item.materials,
      materialsBrought: d.materials,
      note: d.note,
      photoIds: [],
      proxy: null,
      state,
      dueOn: serviceDueOn(d.submittedAt, item.timeLimitDays, item.dayKind),
      refuseReason: null,
      closedAt: SERVICE_CLOSED_STATES.includes(state) && last ? last.at : null,
    })
    await this.repo.update(m, r.id, { submittedAt: d.submittedAt })
    const line = { requestId: r.id, office: null, receiver: null, note: null, photoId: null }
    await this.repo.addStep(m, {
      ...line,
      kind: 'submitted',
      at: d.submittedAt,
      byAccountId: accountId,
      byName: d.residentName,
    })
    for (const h of d.handoffs)
      await this.repo.addStep(m, {
        ...line,
        kind: h.kind,
        at: h.at,
        byAccountId: h.byAccountId,
        byName: h.byName,
        office: h.kind === 'hand_over' ? item.office : null,
        receiver: h.receiver ?? null,
      })
    return r.id
  }
}
