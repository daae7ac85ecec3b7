import {
  isServiceOverdue,
  proxyLineOf,
  serviceEventsFrom,
  serviceStepLabel,
  type ServiceItem,
  type ServiceRequestEvent,
  type ServiceRequestSummary,
  type ServiceRequestView,
  type ServiceStep,
} from '@xiangli/shared'
import type { ServiceCatalogueItem } from './entities/service-catalogue-item.entity'
import type { ServiceRequestStep } from './entities/service-request-step.entity'
import type { ServiceRequest } from './entities/service-request.entity'

export const presentItem = (i: ServiceCatalogueItem): ServiceItem => ({
  code: i.code,
  name: i.name,
  office: i.office,
  materials: i.materials,
  timeLimitDays: i.timeLimitDays,
  dayKind: i.dayKind,
  handling: i.handling,
  description: i.description,
  active: i.active,
  version: i.version,
  updatedAt: i.updatedAt.toISOString(),
  updatedByName: i.updatedByName,
})

export const presentSummary = (r: ServiceRequest, now: Date): ServiceRequestSummary => ({
  id: r.id,
  itemCode: r.itemCode,
  itemName: r.itemName,
  residentName: r.residentName,
  state: r.state,
  dueOn: r.dueOn,
  overdue: isServiceOverdue(r, now),
  submittedAt: r.submittedAt.toISOString(),
})

type UrlOf = (fileId: number) => string

const presentStep = (s: ServiceRequestStep, r: ServiceRequest, urlOf: UrlOf): ServiceStep => ({
  kind: s.kind,
  label: serviceStepLabel(s.kind, r.handling),
  at: s.at.toISOString(),
  byName: s.byName,
  office: s.office,
  receiver: s.receiver,
  note: s.note,
  photoUrl: s.photoId !== null ? urlOf(s.photoId) : null,
})

/** The request with its timeline; `actions` are what this caller may do now (staff steps, or withdrawing). */
export function presentRequest(
  r: ServiceRequest,
  steps: ServiceRequestStep[],
  c: { now: Date; staff: boolean; owner: boolean; urlOf: UrlOf },
): ServiceRequestView {
  const possible = serviceEventsFrom(r.state, r.handling)
  const actions = possible.filter((e: ServiceRequestEvent) => (e === 'withdraw' ? c.owner : c.staff))
  return {
    ...presentSummary(r, c.now),
    office: r.office,
    handling: r.handling,
    timeLimitDays: r.timeLimitDays,
    dayKind: r.dayKind,
    materials: r.materialsAsked.map((name) => ({ name, brought: r.materialsBrought.includes(name) })),
    note: r.note,
    photoUrls: r.photoIds.map(c.urlOf),
    proxy: proxyLineOf(r.proxy),
    refuseReason: r.refuseReason,
    steps: steps.map((s) => presentStep(s, r, c.urlOf)),
    actions,
  }
}
