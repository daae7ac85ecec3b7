import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  chinaDate,
  issuingBodyName,
  formatCertificateNumber,
  renderCertificateBody,
  requestableItem,
  sealUseEntry,
  type EffectiveCatalogue,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import type { Viewer } from '../../../core/access/viewer'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { AppException } from '../../../core/errors/app.exception'
import type { FileDownload } from '../../../core/http/file-reply'
import { OrgsService } from '../../orgs/orgs.service'
import { RosterDirectory } from '../../roster/roster-directory'
import { firstPagePng } from '../certificate-page-image'
import { CertificatePdfStore } from '../certificate-pdf-store'
import { recordIssue } from '../certificate-records'
import { CertificatesRepository } from '../certificates.repository'
import { newVerificationCode, snapshot } from '../certificates.rules'
import type { CertificateRequest } from '../entities/certificate-request.entity'
import { CertificateReads } from './request-reads'
import { RequestSteps } from './request-steps'

/** The issuing village as a certificate names it. */
export interface IssuingVillage {
  id: number
  name: string
  /** the 12-digit division code the numbers start with */
  code: string
}

/** Who issues: the committee member approving, who is also the 经办人 on the register. */
export interface Issuer {
  accountId: number
  actor: Actor
}

/**
 * 出具: the certificate's body rendered from the item's template, its number (the next of the village's
 * year), its verification code, its line in the seal-use register (用印登记), and its content and
 * register line recorded in the audit chain, all in the caller's transaction; then the PDF, drawn
 * from what was stored on the first download and kept in the object store.
 */
@Injectable()
export class CertificateIssuing {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly steps: RequestSteps,
    private readonly reads: CertificateReads,
    private readonly roster: RosterDirectory,
    private readonly orgs: OrgsService,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly pdfs: CertificatePdfStore,
  ) {}

  /** Issues an approved request `r` (locked by the caller, moving to `state`). */
  async issue(
    m: EntityManager,
    r: CertificateRequest,
    state: CertificateRequest['state'],
    by: Issuer,
    village: IssuingVillage,
    catalogue: EffectiveCatalogue,
    now: Date,
    year: number,
  ): Promise<void> {
    const found = requestableItem(catalogue, r.itemCode)
    if (!found.ok) throw new AppException('CERTIFICATE_ITEM_NOT_FOUND')
    const idNumber = await this.roster.idNumber(r.villageId, r.applicantResidentId, m)
    if (idNumber === null) throw new Error(`applicant of certificate request ${r.id} is not on the roster`)
    const body = renderCertificateBody(
      found.item,
      { name: r.applicantName, idNumber, village: village.name, date: chinaDate(now) },
      this.steps.fieldsOf(r),
    )
    if (!body.ok) throw new AppException(body.code, { missing: body.missing })

    // taken after every check that can refuse; the counter row stays locked until the commit, and a
    // rollback gives the number back, so the year's numbers have no gap
    const sequence = await this.repo.nextSequence(m, village.id, year)
    const number = formatCertificateNumber({ villageCode: village.code, year, sequence })
    const name = by.actor.name
    await this.repo.update(m, r.id, {
      state,
      decidedByAccountId: by.accountId,
      decidedByName: name,
      decidedAt: now,
      number,
      issuedYear: year,
      verificationCode: newVerificationCode(),
      issuedAt: now,
      bodyEnc: this.crypto.encrypt(body.text),
      infoRequest: null,
      dueAt: null,
    })
    const entry = sealUseEntry({
      at: now,
      certificateNumber: number,
      itemCode: r.itemCode,
      itemName: r.itemName,
      copies: r.copies,
      approverName: name ?? '',
      handlerName: name ?? '',
      applicantName: r.applicantName,
      applicantPhone: r.applicantPhoneEnc ? this.crypto.decrypt(r.applicantPhoneEnc) : '',
    })
    await this.repo.insertSealLine(m, {
      villageId: r.villageId,
      requestId: r.id,
      at: now,
      certificateNumber: entry.certificateNumber,
      itemCode: entry.itemCode,
      itemName: entry.itemName,
      copies: entry.copies,
      approverName: entry.approverName,
      handlerName: entry.handlerName,
      applicantName: entry.applicantName,
      applicantPhoneMasked: entry.applicantPhoneMasked,
    })
    await recordIssue(this.audit, this.repo, m, by.actor, r.id, snapshot(r))
    await this.steps.tellApplicant(
      m,
      r,
      `您的${r.itemName}已开具`,
      `证明编号 ${number}，可以在“我的证明”里查看和下载。`,
    )
  }

  /** The certificate as a PDF, for those who follow the request; the same document on every download. */
  async pdf(v: Viewer, villageId: number, id: number): Promise<FileDownload> {
    const r = await this.reads.visible(v, villageId, id)
    if (!r.number || !r.issuedAt || !r.bodyEnc || !r.verificationCode)
      throw new AppException('CERTIFICATE_NOT_ISSUED')
    const village = await this.orgs.village(r.villageId)
    const bytes = await this.pdfs.pdf(r.villageId, {
      title: r.itemName,
      body: this.crypto.decrypt(r.bodyEnc),
      issuer: issuingBodyName(village.kind, village.name),
      purpose: r.purpose,
      issuedOn: chinaDate(r.issuedAt),
      issuedAt: r.issuedAt,
      number: r.number,
      verificationCode: r.verificationCode,
      verificationUrl: this.reads.verificationUrl(r.number, r.verificationCode),
    })
    return {
      bytes,
      type: 'application/pdf',
      disposition: `inline; filename="certificate-${r.number}.pdf"`,
    }
  }

  /**
   * The certificate's first page as a PNG, for a phone's browser, which shows a PDF only as a
   * download: drawn from the very PDF the download gives, by poppler's pdftoppm.
   */
  async pageImage(v: Viewer, villageId: number, id: number): Promise<FileDownload> {
    const pdf = await this.pdf(v, villageId, id)
    return {
      bytes: await firstPagePng(pdf.bytes as Buffer),
      type: 'image/png',
      disposition: 'inline; filename="certificate.png"',
    }
  }
}
