import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import {
  COMMITTEE_ROLES,
  isValidPhone,
  maskIdNumber,
  maskPhone,
  normalizePhone,
  parseIdNumber,
  transitionVerification,
  type Page,
  type VerificationEvent,
  type VerificationRequest as VerificationBody,
  type VerificationState,
  type VerificationView,
} from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import { TxService } from '../../core/tx/tx.service'
import { isUniqueViolation } from '../../core/database/errors'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { actorOf } from '../../core/auth/current.decorator'
import type { Principal } from '../../core/auth/principal'
import { NotifyService } from '../inbox/notify.service'
import { OrgsService } from '../orgs/orgs.service'
import { Org } from '../orgs/entities/org.entity'
import { Resident } from '../roster/entities/resident.entity'
import { accountsHolding } from '../roles/role-holders'
import { VerificationRequest } from './entities/verification-request.entity'

/** What the audit digests see of a request: never the ID number itself. */
const snapshot = (v: VerificationRequest) => ({
  id: v.id,
  accountId: v.accountId,
  villageId: v.villageId,
  residentId: v.residentId,
  state: v.state,
  reason: v.reason,
})

@Injectable()
export class VerificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly notify: NotifyService,
    private readonly orgs: OrgsService,
  ) {}

  private async views(rows: VerificationRequest[]): Promise<VerificationView[]> {
    const ids = [...new Set(rows.map((r) => r.villageId))]
    const names = new Map(
      (ids.length ? await this.ds.getRepository(Org).findBy({ id: In(ids) }) : []).map((o) => [o.id, o.name]),
    )
    return rows.map((r) => ({
      id: r.id,
      villageId: r.villageId,
      villageName: names.get(r.villageId) ?? '',
      name: r.name,
      idNumberMasked: r.idNumberMasked,
      phoneMasked: maskPhone(r.phone),
      state: r.state,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    }))
  }

  async listMine(accountId: number): Promise<VerificationView[]> {
    const rows = await this.ds
      .getRepository(VerificationRequest)
      .find({ where: { accountId }, order: { id: 'DESC' }, take: 20 })
    return this.views(rows)
  }

  async list(
    villageId: number,
    state: VerificationState | undefined,
    page: number,
    pageSize: number,
  ): Promise<Page<VerificationView>> {
    const [rows, total] = await this.ds.getRepository(VerificationRequest).findAndCount({
      where: state ? { villageId, state } : { villageId },
      order: { id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    })
    return { items: await this.views(rows), total, page, pageSize }
  }

  async submit(p: Principal, body: VerificationBody): Promise<VerificationView> {
    const village = await this.orgs.village(body.villageId)
    const id = parseIdNumber(body.idNumber)
    if ('problem' in id) throw new AppException('ID_NUMBER_INVALID')
    if (!isValidPhone(body.phone)) throw new AppException('PHONE_INVALID')
    const phone = normalizePhone(body.phone)
    if (p.residentIn.has(village.id)) throw new AppException('VERIFICATION_ALREADY_DONE')

    const created = await this.claim(async (m) => {
      const pending = await m
        .getRepository(VerificationRequest)
        .findOneBy({ accountId: p.accountId, villageId: village.id, state: 'pending' })
      if (pending) throw new AppException('VERIFICATION_PENDING')
      const resident = await m
        .getRepository(Resident)
        .findOneBy({ villageId: village.id, idNumberHash: this.crypto.blindIndex(id.value) })
      if (!resident || resident.name !== body.name.trim()) throw new AppException('VERIFICATION_NO_MATCH')
      if (resident.accountId !== null && resident.accountId !== p.accountId)
        throw new AppException('RESIDENT_ALREADY_LINKED')
      // someone else's claim on the same person is waiting: the committee decides one at a time
      if (await m.getRepository(VerificationRequest).existsBy({ pendingResidentId: resident.id }))
        throw new AppException('RESIDENT_CLAIM_PENDING')
      const exact = resident.phone !== null && resident.phone === phone
      const auto = exact && village.settings!.verification.autoConfirmExactMatch
      const request = await m.getRepository(VerificationRequest).save({
        accountId: p.accountId,
        villageId: village.id,
        residentId: resident.id,
        pendingResidentId: resident.id,
        name: resident.name,
        idNumberEnc: this.crypto.encrypt(id.value),
        idNumberMasked: maskIdNumber(id.value),
        phone,
        state: 'pending' as VerificationState,
        reason: null,
        decidedByAccountId: null,
        decidedAt: null,
      })
      await this.audit.append(m, {
        actor: actorOf(p),
        action: 'verification.submitted',
        orgId: village.id,
        targetType: 'verification',
        targetId: request.id,
        after: snapshot(request),
      })
      if (auto)
        return this.decide(m, request, 'confirm', null, {
          accountId: null,
          name: '系统（信息完全一致自动确认）',
          role: 'system',
        })
      await this.notify.notify(m, {
        accountIds: await accountsHolding(m, village.id, COMMITTEE_ROLES),
        orgId: village.id,
        kind: 'verification.submitted',
        title: '有新的实名认证待确认',
        body: `${resident.name} 申请认证为${village.name}居民，请核对后确认。`,
        link: '/subpackages/committee/pages/verifications/index',
      })
      return request
    })
    return (await this.views([created]))[0]!
  }

  /**
   * Runs a claim's transaction. Two claims on one roster person made at the same instant both pass
   * the check for a waiting claim; the unique pendingResidentId lets one of them in and the other
   * gets the same answer as if it had come second.
   */
  private async claim<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.tx.run(work)
    } catch (e) {
      // MySQL names the index, SQLite the column
      if (isUniqueViolation(e) && /uq_verification_pending_resident|pendingResidentId/.test(String(e)))
        throw new AppException('RESIDENT_CLAIM_PENDING')
      throw e
    }
  }

  async confirm(villageId: number, id: number, actor: Actor): Promise<VerificationView> {
    return this.act(villageId, id, 'confirm', null, actor)
  }

  async reject(villageId: number, id: number, reason: string, actor: Actor): Promise<VerificationView> {
    return this.act(villageId, id, 'reject', reason, actor)
  }

  private async act(
    villageId: number,
    id: number,
    event: VerificationEvent,
    reason: string | null,
    actor: Actor,
  ): Promise<VerificationView> {
    const done = await this.tx.run(async (m) => {
      const request = await m.getRepository(VerificationRequest).findOneBy({ id, villageId })
      if (!request) throw new AppException('NOT_FOUND')
      return this.decide(m, request, event, reason, actor)
    })
    return (await this.views([done]))[0]!
  }

  private async decide(
    m: EntityManager,
    request: VerificationRequest,
    event: VerificationEvent,
    reason: string | null,
    actor: Actor,
  ): Promise<VerificationRequest> {
    const t = transitionVerification(request.state, event)
    if (!t.ok) throw new AppException(t.code)
    const before = snapshot(request)
    if (t.next === 'confirmed') {
      const resident = await m.getRepository(Resident).findOneByOrFail({ id: request.residentId! })
      if (resident.accountId !== null && resident.accountId !== request.accountId)
        throw new AppException('RESIDENT_ALREADY_LINKED')
      await m.getRepository(Resident).update({ id: resident.id }, { accountId: request.accountId })
    }
    request.state = t.next
    request.pendingResidentId = null
    request.reason = reason
    request.decidedByAccountId = actor.accountId
    request.decidedAt = new Date()
    await m.getRepository(VerificationRequest).save(request)
    await this.audit.append(m, {
      actor,
      action: event === 'confirm' ? 'verification.confirmed' : 'verification.rejected',
      orgId: request.villageId,
      targetType: 'verification',
      targetId: request.id,
      before,
      after: snapshot(request),
    })
    await this.notify.notify(m, {
      accountIds: [request.accountId],
      orgId: request.villageId,
      kind: `verification.${t.next}`,
      title: t.next === 'confirmed' ? '实名认证已通过' : '实名认证未通过',
      body:
        t.next === 'confirmed'
          ? '您已成为本村（社区）的认证居民，可以使用全部功能了。'
          : `原因：${reason ?? ''}。如有疑问请联系村委会。`,
      link: '/pages/home/index',
    })
    return request
  }
}
