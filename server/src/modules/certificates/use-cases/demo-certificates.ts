import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  DEFAULT_CATALOGUE,
  certificateYear,
  chinaDate,
  formatCertificateNumber,
  renderCertificateBody,
  sealUseEntry,
  type CertificateFieldValues,
  type VillageOverride,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { recordIssue } from '../certificate-records'
import { CertificatesRepository, type NewRequest } from '../certificates.repository'
import { newVerificationCode } from '../certificates.rules'
import type { IssuingVillage } from './issuing'

/** One demo request: who asked for what, when, and whether it was issued (and when) or is still due. */
export type DemoRequest = {
  applicant: {
    residentId: number
    accountId: number | null
    name: string
    phone: string | null
    idNumber: string
  }
  itemCode: string
  fields: CertificateFieldValues
  purpose: string
  askedAt: Date
} & ({ issuedAt: Date } | { dueAt: Date })

export interface DemoCertificateSeed {
  village: IssuingVillage
  /** the village's own change to the default list */
  override: VillageOverride
  /** the committee member who issued the demo certificates */
  approver: { accountId: number | null; name: string }
  /** issued ones are numbered from 1 in this order */
  requests: DemoRequest[]
  now: Date
}

/**
 * The demo village's certificates, written as issuing writes them (the register line, the records in
 * the audit chain, the counter), but issued in the past, which no request through the API can be.
 */
@Injectable()
export class DemoCertificates {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
  ) {}

  async seed(m: EntityManager, d: DemoCertificateSeed): Promise<void> {
    const { village, approver } = d
    await this.repo.saveOverride(m, 'village', String(village.id), d.override)
    const year = certificateYear(d.now)
    let sequence = 0
    for (const q of d.requests) {
      const item = DEFAULT_CATALOGUE.positive.find((i) => i.code === q.itemCode)
      if (!item) throw new Error(`demo certificate ${q.itemCode}: not on the default list`)
      const who = q.applicant
      const base = {
        villageId: village.id,
        applicantAccountId: who.accountId,
        proxy: null,
        applicantResidentId: who.residentId,
        applicantName: who.name,
        applicantPhoneEnc: who.phone === null ? null : this.crypto.encrypt(who.phone),
        itemCode: item.code,
        itemName: item.name,
        timeLimitDays: item.timeLimitDays,
        purpose: q.purpose,
        fieldsEnc: this.crypto.encrypt(JSON.stringify(q.fields)),
        materialIds: [],
        copies: 1,
        infoRequest: null,
        refuseReason: null,
        revokedAt: null,
        revokeReason: null,
        createdAt: q.askedAt,
      } satisfies Partial<NewRequest>
      if (!('issuedAt' in q)) {
        await this.repo.insert(m, {
          ...base,
          state: 'submitted',
          dueAt: q.dueAt,
          decidedByAccountId: null,
          decidedByName: null,
          decidedAt: null,
          number: null,
          issuedYear: null,
          verificationCode: null,
          issuedAt: null,
          bodyEnc: null,
        })
        continue
      }
      const body = renderCertificateBody(
        item,
        { name: who.name, idNumber: who.idNumber, village: village.name, date: chinaDate(q.issuedAt) },
        q.fields,
      )
      if (!body.ok)
        throw new Error(`demo certificate ${item.code}: template incomplete (${body.missing.join(', ')})`)
      const number = formatCertificateNumber({ villageCode: village.code, year, sequence: ++sequence })
      const r = await this.repo.insert(m, {
        ...base,
        state: 'issued',
        dueAt: null,
        decidedByAccountId: approver.accountId,
        decidedByName: approver.name,
        decidedAt: q.issuedAt,
        number,
        issuedYear: year,
        verificationCode: newVerificationCode(),
        issuedAt: q.issuedAt,
        bodyEnc: this.crypto.encrypt(body.text),
      })
      const entry = sealUseEntry({
        at: q.issuedAt,
        certificateNumber: number,
        itemCode: item.code,
        itemName: item.name,
        copies: 1,
        approverName: approver.name,
        handlerName: approver.name,
        applicantName: who.name,
        applicantPhone: who.phone ?? '',
      })
      await this.repo.insertSealLine(m, {
        villageId: village.id,
        requestId: r.id,
        at: q.issuedAt,
        certificateNumber: number,
        itemCode: entry.itemCode,
        itemName: entry.itemName,
        copies: entry.copies,
        approverName: entry.approverName,
        handlerName: entry.handlerName,
        applicantName: entry.applicantName,
        applicantPhoneMasked: entry.applicantPhoneMasked,
      })
      // recorded as issuing records them, or the verifier and the public check would call them unrecorded
      const actor = { accountId: approver.accountId, name: approver.name, role: 'committee_member' }
      await recordIssue(this.audit, this.repo, m, actor, r.id, null)
    }
    await this.repo.setCounter(m, village.id, year, sequence)
  }
}
