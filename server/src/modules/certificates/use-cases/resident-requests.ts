import { Injectable } from '@nestjs/common'
import {
  certificateDeadline,
  certificateDeadlineAfter,
  chinaDate,
  requestableItem,
  type CertificateRequestCreate,
  type CertificateRequestView,
  type CertificateResubmit,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { ProxyGate } from '../../proxy/proxy-gate'
import { RosterDirectory } from '../../roster/roster-directory'
import { asApplicant } from '../certificates.policy'
import { CertificatesRepository } from '../certificates.repository'
import { checkFields, snapshot } from '../certificates.rules'
import { CertificateCatalogue } from './catalogue'
import { CertificateReads } from './request-reads'
import { RequestSteps } from './request-steps'

/** What a resident does with a request: ask for a certificate, add what was asked for, withdraw it. */
@Injectable()
export class ResidentRequests {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly steps: RequestSteps,
    private readonly reads: CertificateReads,
    private readonly catalogue: CertificateCatalogue,
    private readonly roster: RosterDirectory,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly proxy: ProxyGate,
  ) {}

  /**
   * Only a verified villager applies, for an item on the village's list, with its fields filled in;
   * with `onBehalf`, someone who may act for a villager (代办) applies as theirs, with their consent.
   */
  async apply(a: ActingContext, body: CertificateRequestCreate): Promise<CertificateRequestView> {
    const filing = body.onBehalf ? await this.proxy.check(a, body.onBehalf) : null
    const residentId = filing ? filing.owner.residentId : a.viewer.residentIdIn(a.villageId)
    if (residentId === null) throw new AppException('NOT_VERIFIED')
    const found = requestableItem(await this.catalogue.of(a.villageId), body.itemCode)
    if (!found.ok) {
      if (found.code === 'CERTIFICATE_NEGATIVE_LIST') throw new AppException(found.code, found.answer)
      throw new AppException(found.code)
    }
    const item = found.item
    const fields = checkFields(item, body.fields)
    const resident = await this.roster.contact(a.villageId, residentId)
    if (!resident) throw new Error(`resident ${residentId} of village ${a.villageId} is not on its roster`)
    const actor = filing ? filing.actor : asApplicant(a.viewer, resident.name)
    const now = this.clock.now()
    const id = await this.tx.run(async (m) => {
      const r = await this.repo.insert(m, {
        villageId: a.villageId,
        applicantAccountId: filing ? filing.owner.accountId : a.viewer.accountId,
        applicantResidentId: resident.id,
        proxy: filing?.record ?? null,
        applicantName: resident.name,
        applicantPhoneEnc: this.steps.sealPhone(resident.phone),
        itemCode: item.code,
        itemName: item.name,
        timeLimitDays: item.timeLimitDays,
        purpose: body.purpose,
        fieldsEnc: this.steps.sealFields(fields),
        materialIds: body.materialIds,
        copies: body.copies,
        state: 'submitted',
        dueAt: certificateDeadline(now, item.timeLimitDays),
        infoRequest: null,
        refuseReason: null,
        decidedByAccountId: null,
        decidedByName: null,
        decidedAt: null,
        number: null,
        issuedYear: null,
        verificationCode: null,
        issuedAt: null,
        bodyEnc: null,
        revokedAt: null,
        revokeReason: null,
      })
      await this.steps.attachMaterials(m, body.materialIds, r, a.viewer.accountId)
      await this.audit.append(m, {
        actor,
        action: 'certificate.requested',
        orgId: r.villageId,
        targetType: 'certificate_request',
        targetId: r.id,
        after: snapshot(r),
      })
      if (filing) {
        await this.proxy.recordFiled(m, filing, 'certificate', { type: 'certificate_request', id: r.id })
        await this.steps.tellApplicant(
          m,
          r,
          `${filing.record.name}为您代办了${r.itemName}的申请`,
          `用途：${r.purpose}，村委会将在${chinaDate(r.dueAt!)}前办理。`,
        )
      }
      await this.steps.tellCommittee(m, r.villageId, a.viewer.accountId, {
        kind: 'certificate.requested',
        title: `有人申请开具${r.itemName}`,
        body: `${r.applicantName}申请开具${r.itemName}（用途：${r.purpose}），请在${chinaDate(r.dueAt!)}前办理。`,
      })
      return r.id
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** What the committee asked for, added: the fields again if given, more materials, a fresh time limit. */
  async resubmit(a: ActingContext, id: number, body: CertificateResubmit): Promise<CertificateRequestView> {
    const catalogue = await this.catalogue.of(a.villageId)
    await this.steps.step(
      a,
      id,
      'resubmit',
      async (m, r, now) => {
        const found = requestableItem(catalogue, r.itemCode)
        if (!found.ok) throw new AppException('CERTIFICATE_ITEM_NOT_FOUND')
        const given = Object.keys(body.fields).length > 0
        const fields = given ? checkFields(found.item, body.fields) : this.steps.fieldsOf(r)
        // the page sends every material it shows, the ones already on the request included
        const added = [...new Set(body.materialIds)].filter((x) => !r.materialIds.includes(x))
        await this.steps.attachMaterials(m, added, r, a.viewer.accountId)
        return {
          fieldsEnc: this.steps.sealFields(fields),
          materialIds: [...r.materialIds, ...added],
          infoRequest: null,
          dueAt: certificateDeadlineAfter('resubmit', now, r.dueAt, r.timeLimitDays),
        }
      },
      (m, r, changes, now) =>
        this.steps.tellCommittee(m, r.villageId, a.viewer.accountId, {
          kind: 'certificate.resubmitted',
          title: `${r.applicantName}补充了${r.itemName}的材料`,
          body: `请在${chinaDate(changes.dueAt ?? now)}前办理。`,
        }),
    )
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  async withdraw(a: ActingContext, id: number): Promise<CertificateRequestView> {
    await this.steps.step(a, id, 'withdraw', async () => ({ dueAt: null }))
    return this.reads.detail(a.viewer, a.villageId, id)
  }
}
