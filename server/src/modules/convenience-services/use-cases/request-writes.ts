import { Injectable, type OnModuleInit } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  hasCapability,
  materialsRule,
  OVERSIGHT_ROLES,
  rolesWith,
  serviceDueOn,
  servicePage,
  serviceStepLabel,
  SERVICE_CLOSED_STATES,
  transition,
  type ServiceHandoffBody,
  type ServiceRequestCreate,
  type ServiceRequestEvent,
  type ServiceRequestView,
} from '@xiangli/shared'
import type { Actor } from '../../../core/audit/audit.service'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { hasRoleIn } from '../../../core/auth/principal'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { ProxyGate } from '../../proxy/proxy-gate'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import { mustBeStaff, mustOwn } from '../convenience-services.policy'
import { ConvenienceServicesRepository } from '../convenience-services.repository'
import type { ServiceRequest } from '../entities/service-request.entity'
import { RequestReads } from './request-reads'
import { ServiceCatalogue } from './service-catalogue'

/** Photos a resident adds and receipts staff photograph: seen by the resident, the desk and the overseers. */
export const FILES_OF_SERVICE = 'service_request'

const snapshot = (r: ServiceRequest) => ({
  itemCode: r.itemCode,
  itemVersion: r.itemVersion,
  residentId: r.residentId,
  state: r.state,
  dueOn: r.dueOn,
  refuseReason: r.refuseReason,
})

/**
 * A resident (or someone acting for them, 代办) files a request; the desk records each hand-off,
 * or refuses with a reason; the resident may withdraw until the desk has taken the papers. Every
 * change is one transaction: the request, its timeline line, the audit entry and the resident's
 * inbox message.
 */
@Injectable()
export class RequestWrites implements OnModuleInit {
  constructor(
    private readonly repo: ConvenienceServicesRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly reads: RequestReads,
    private readonly roster: RosterDirectory,
    private readonly roles: RoleHolders,
    private readonly proxy: ProxyGate,
    private readonly files: FilesService,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly tx: TxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.files.registerAccess(FILES_OF_SERVICE, async (p, file) => {
      if (hasRoleIn(p, file.villageId, OVERSIGHT_ROLES) !== null) return true
      if (hasCapability(p.roles.get(file.villageId) ?? [], 'act_for_residents')) return true
      const r = file.attachedId !== null ? await this.repo.find(file.villageId, file.attachedId) : null
      return r !== null && p.residentIn.get(file.villageId) === r.residentId
    })
  }

  async apply(a: ActingContext, body: ServiceRequestCreate): Promise<ServiceRequestView> {
    const filing = body.onBehalf ? await this.proxy.check(a, body.onBehalf) : null
    const residentId = filing ? filing.owner.residentId : a.viewer.residentIdIn(a.villageId)
    if (residentId === null) throw new AppException('NOT_VERIFIED')
    const item = await this.catalogue.requestable(a.villageId, body.itemCode)
    if (!materialsRule(item, body.materials)) throw new AppException('SERVICE_MATERIALS_INVALID')
    const person = await this.roster.person(a.villageId, residentId)
    if (!person) throw new AppException('NOT_VERIFIED')
    const actor: Actor = filing ? filing.actor : { ...a.actor, name: person.name, role: 'resident' }
    const now = this.clock.now()
    const id = await this.tx.run(async (m) => {
      const r = await this.repo.insertRequest(m, {
        villageId: a.villageId,
        residentId,
        residentName: person.name,
        accountId: person.accountId,
        itemCode: item.code,
        itemVersion: item.version,
        itemName: item.name,
        office: item.office,
        handling: item.handling,
        timeLimitDays: item.timeLimitDays,
        dayKind: item.dayKind,
        materialsAsked: item.materials,
        materialsBrought: item.materials.filter((x) => body.materials.includes(x)),
        note: body.note,
        photoIds: body.photoIds,
        proxy: filing?.record ?? null,
        state: 'submitted',
        dueOn: serviceDueOn(now, item.timeLimitDays, item.dayKind),
        refuseReason: null,
        closedAt: null,
      })
      await this.attach(m, body.photoIds, r, a.viewer.accountId)
      await this.repo.addStep(m, {
        requestId: r.id,
        kind: 'submitted',
        at: now,
        byAccountId: a.viewer.accountId,
        byName: actor.name ?? '',
        office: null,
        receiver: null,
        note: filing ? `${filing.record.name}（${filing.record.as}）代为提交` : null,
        photoId: null,
      })
      await this.audit.append(m, {
        actor,
        action: 'service.requested',
        orgId: r.villageId,
        targetType: 'service_request',
        targetId: r.id,
        after: snapshot(r),
      })
      if (filing) {
        await this.proxy.recordFiled(m, filing, 'service', { type: 'service_request', id: r.id })
        await this.tellResident(
          m,
          r,
          `${filing.record.name}为您代办了${r.itemName}`,
          `请在“我的办事”里查看办理进度。`,
        )
      }
      const staff = (await this.roles.accountsHolding(r.villageId, rolesWith('act_for_residents'), m)).filter(
        (x) => x !== a.viewer.accountId,
      )
      await this.notify.notify(m, {
        accountIds: staff,
        orgId: r.villageId,
        kind: 'service.requested',
        title: `${r.residentName}申请办理${r.itemName}`,
        body: `请在${r.dueOn}前办结。`,
        link: servicePage(r.id, r.villageId),
      })
      return r.id
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** One hand-off (帮办代办): 材料已收取, 已递交 (office and receiver), 结果已取回, 已送达. */
  async handoff(a: ActingContext, id: number, body: ServiceHandoffBody): Promise<ServiceRequestView> {
    mustBeStaff(a.viewer, a.villageId)
    await this.step(a, id, body.kind, async (m, r, now) => {
      if (body.photoId !== null) await this.attach(m, [body.photoId], r, a.viewer.accountId)
      const office = body.kind === 'hand_over' ? body.office || r.office : null
      await this.repo.addStep(m, {
        requestId: r.id,
        kind: body.kind,
        at: now,
        byAccountId: a.viewer.accountId,
        byName: a.actor.name ?? '',
        office,
        receiver: body.kind === 'hand_over' ? body.receiver : null,
        note: body.note || null,
        photoId: body.photoId,
      })
      const where = office ? `，已送到${office}（接收人：${body.receiver}）` : ''
      return { changes: {}, message: `${serviceStepLabel(body.kind, r.handling)}${where}` }
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  async refuse(a: ActingContext, id: number, reason: string): Promise<ServiceRequestView> {
    mustBeStaff(a.viewer, a.villageId)
    await this.step(a, id, 'refuse', async (m, r, now) => {
      await this.repo.addStep(m, {
        requestId: r.id,
        kind: 'refuse',
        at: now,
        byAccountId: a.viewer.accountId,
        byName: a.actor.name ?? '',
        office: null,
        receiver: null,
        note: reason,
        photoId: null,
      })
      return { changes: { refuseReason: reason }, message: `未能办理：${reason}` }
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  async withdraw(a: ActingContext, id: number): Promise<ServiceRequestView> {
    await this.step(a, id, 'withdraw', async (m, r, now) => {
      await this.repo.addStep(m, {
        requestId: r.id,
        kind: 'withdraw',
        at: now,
        byAccountId: a.viewer.accountId,
        byName: r.residentName,
        office: null,
        receiver: null,
        note: null,
        photoId: null,
      })
      return { changes: {}, message: null }
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /**
   * The one way a request changes: locked, checked against the state machine, its timeline line
   * written by `work`, audited, and the resident told (unless they did it themselves).
   */
  private async step(
    a: ActingContext,
    id: number,
    event: ServiceRequestEvent,
    work: (
      m: EntityManager,
      r: ServiceRequest,
      now: Date,
    ) => Promise<{ changes: Partial<ServiceRequest>; message: string | null }>,
  ): Promise<void> {
    await this.tx.run(async (m) => {
      const r = await this.repo.locked(m, a.villageId, id)
      if (!r) throw new AppException('SERVICE_REQUEST_NOT_FOUND')
      if (event === 'withdraw') mustOwn(a.viewer, r)
      const t = transition(r.state, event, r.handling)
      if (!t.ok) throw new AppException(t.code)
      const now = this.clock.now()
      const { changes, message } = await work(m, r, now)
      const all = {
        ...changes,
        state: t.next,
        ...(SERVICE_CLOSED_STATES.includes(t.next) ? { closedAt: now } : {}),
      }
      await this.repo.update(m, r.id, all)
      await this.audit.append(m, {
        actor: event === 'withdraw' ? { ...a.actor, name: r.residentName, role: 'resident' } : a.actor,
        action: `service.${event}`,
        orgId: r.villageId,
        targetType: 'service_request',
        targetId: r.id,
        before: snapshot(r),
        after: snapshot({ ...r, ...all }),
      })
      if (message) await this.tellResident(m, r, `${r.itemName}：${message}`, `${a.actor.name ?? ''}登记`)
    })
  }

  private async attach(m: EntityManager, ids: number[], r: ServiceRequest, accountId: number): Promise<void> {
    const ok = await this.files.attach(
      m,
      ids,
      { villageId: r.villageId, accountId },
      { type: FILES_OF_SERVICE, id: r.id },
    )
    if (!ok) throw new AppException('SERVICE_PHOTO_INVALID')
  }

  /** The resident's inbox: their account, or the one the roster person logs in with later (代办). */
  private async tellResident(
    m: EntityManager,
    r: ServiceRequest,
    title: string,
    body: string,
  ): Promise<void> {
    const p = await this.roster.person(r.villageId, r.residentId, m)
    if (p?.accountId == null) return
    await this.notify.notify(m, {
      accountIds: [p.accountId],
      orgId: r.villageId,
      kind: 'service.updated',
      title,
      body,
      link: servicePage(r.id, r.villageId),
    })
  }
}
