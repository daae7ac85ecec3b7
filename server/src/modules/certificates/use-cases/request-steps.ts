import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  COMMITTEE_ROLES,
  certificatePage,
  type CertificateFieldValues,
  type CertificateRequestEvent,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import { CertificatesRepository } from '../certificates.repository'
import { asApplicant, mustBeApplicant, mustDecide } from '../certificates.policy'
import { ATTACHED_TYPE, need, snapshot } from '../certificates.rules'
import type { CertificateRequest } from '../entities/certificate-request.entity'

/** The steps other than issuing: the applicant's own, and the committee's that need no number. */
export type PlainStep = Exclude<CertificateRequestEvent, 'approve' | 'issue'>

const BY_APPLICANT: ReadonlySet<PlainStep> = new Set(['resubmit', 'withdraw'])

/**
 * The one way a request changes other than by issuing: locked, checked against the policy and the
 * state machine, changed, audited, in one transaction; and what every use case needs around it
 * (materials, the field values, telling the applicant or the committee).
 */
@Injectable()
export class RequestSteps {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly roles: RoleHolders,
    private readonly crypto: FieldCrypto,
    private readonly clock: Clock,
    private readonly roster: RosterDirectory,
  ) {}

  /** The village's request, locked for this transaction; NOT_FOUND when it has none by that id. */
  async locked(m: EntityManager, villageId: number, id: number): Promise<CertificateRequest> {
    const r = await this.repo.locked(m, villageId, id)
    if (!r) throw new AppException('NOT_FOUND')
    return r
  }

  /**
   * One step: `work` gives the changes besides the state (and may tell people first); `then` runs once
   * the change is written and audited.
   */
  async step(
    a: ActingContext,
    id: number,
    event: PlainStep,
    work: (m: EntityManager, r: CertificateRequest, now: Date) => Promise<Partial<CertificateRequest>>,
    then?: (
      m: EntityManager,
      r: CertificateRequest,
      changes: Partial<CertificateRequest>,
      now: Date,
    ) => Promise<void>,
  ): Promise<void> {
    await this.tx.run(async (m) => {
      const r = await this.locked(m, a.villageId, id)
      const byApplicant = BY_APPLICANT.has(event)
      if (byApplicant) mustBeApplicant(a.viewer, r)
      else mustDecide(a.viewer, r)
      const next = need(r.state, event)
      const now = this.clock.now()
      const changes = { ...(await work(m, r, now)), state: next }
      await this.repo.update(m, r.id, changes)
      await this.audit.append(m, {
        actor: byApplicant ? asApplicant(a.viewer, r.applicantName) : a.actor,
        action: `certificate.${event}`,
        orgId: r.villageId,
        targetType: 'certificate_request',
        targetId: r.id,
        before: snapshot(r),
        after: snapshot({ ...r, ...changes } as CertificateRequest),
      })
      await then?.(m, r, changes, now)
    })
  }

  /** Attaches the applicant's own uploads, or refuses the whole step. */
  async attachMaterials(
    m: EntityManager,
    ids: number[],
    r: CertificateRequest,
    accountId: number,
  ): Promise<void> {
    const ok = await this.files.attach(
      m,
      ids,
      { villageId: r.villageId, accountId },
      { type: ATTACHED_TYPE, id: r.id },
    )
    if (!ok)
      throw new AppException(
        'VALIDATION_FAILED',
        { field: 'materialIds' },
        '有材料没有上传成功，请删掉后重新添加',
      )
  }

  fieldsOf(r: Pick<CertificateRequest, 'fieldsEnc'>): CertificateFieldValues {
    return JSON.parse(this.crypto.decrypt(r.fieldsEnc)) as CertificateFieldValues
  }

  /** Field values may hold ID numbers and addresses: stored encrypted. */
  sealFields(values: CertificateFieldValues): string {
    return this.crypto.encrypt(JSON.stringify(values))
  }

  /** The applicant's phone: stored encrypted, like the roster's. */
  sealPhone(phone: string | null): string | null {
    return phone === null ? null : this.crypto.encrypt(phone)
  }

  /** The applicant's account: the one that applied, or the one the roster person applied for (代办) logs in with. */
  async applicant(m: EntityManager, r: CertificateRequest): Promise<number[]> {
    if (r.applicantAccountId !== null) return [r.applicantAccountId]
    const p = await this.roster.person(r.villageId, r.applicantResidentId, m)
    return p?.accountId != null ? [p.accountId] : []
  }

  async tellApplicant(m: EntityManager, r: CertificateRequest, title: string, body: string): Promise<void> {
    return this.notify.notify(m, {
      accountIds: await this.applicant(m, r),
      orgId: r.villageId,
      kind: 'certificate.updated',
      title,
      body,
      link: certificatePage('resident', r.id, r.villageId),
    })
  }

  /** Tells the 两委 of the village, except the one who did the thing. */
  async tellCommittee(
    m: EntityManager,
    villageId: number,
    actorAccountId: number,
    n: { kind: string; title: string; body: string },
  ): Promise<void> {
    const accountIds = (await this.roles.accountsHolding(villageId, COMMITTEE_ROLES, m)).filter(
      (x) => x !== actorAccountId,
    )
    await this.notify.notify(m, { accountIds, orgId: villageId, ...n })
  }
}
