import type { EntityManager } from 'typeorm'
import { sha256, type Actor, type AuditService } from '../../core/audit/audit.service'
import type { CertificatesRepository } from './certificates.repository'
import type { CertificateRequest } from './entities/certificate-request.entity'
import type { SealUseRecord } from './entities/seal-use-record.entity'

/**
 * What the audit chain keeps of a certificate: on issue, a digest of its content (number, code,
 * holder, item, purpose, village, date, the body as printed); on revocation, its own entry; and for
 * each line of the seal-use register (用印登记), a digest of the line. The public check and the
 * verifier recompute them from the rows, so a raw-SQL edit of a certificate or of the register shows.
 */
export const ISSUE_ACTION = 'certificate.issued'
export const REVOKE_ACTION = 'certificate.revoke'
export const SEAL_USE_ACTION = 'certificate.seal_used'

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString())

/** The content of an issued certificate, as stored (read back after writing, as the verifier reads it). */
export const issuedRecord = (r: CertificateRequest) => ({
  form: 2,
  id: r.id,
  villageId: r.villageId,
  number: r.number,
  verificationCode: r.verificationCode,
  holderName: r.applicantName,
  holderResidentId: r.applicantResidentId,
  itemCode: r.itemCode,
  itemName: r.itemName,
  purpose: r.purpose,
  copies: r.copies,
  issuedYear: r.issuedYear,
  issuedAt: iso(r.issuedAt),
  issuedBy: r.decidedByName,
  /** the body is stored encrypted; its ciphertext is written once, at issue */
  body: r.bodyEnc === null ? null : sha256(r.bodyEnc),
  state: 'issued',
})

/** What the issue entry held before certificates recorded their content: the request's snapshot. */
export const legacyIssuedRecord = (r: CertificateRequest) => ({
  id: r.id,
  villageId: r.villageId,
  itemCode: r.itemCode,
  state: 'issued',
  number: r.number,
  dueAt: null,
  copies: r.copies,
})

/** The revocation entry's record: the request's snapshot once revoked. */
export const revokedRecord = (r: CertificateRequest) => ({
  id: r.id,
  villageId: r.villageId,
  itemCode: r.itemCode,
  state: 'revoked',
  number: r.number,
  dueAt: r.dueAt,
  copies: r.copies,
})

export const sealUseRecord = (s: SealUseRecord) => ({
  id: s.id,
  villageId: s.villageId,
  requestId: s.requestId,
  at: iso(s.at),
  certificateNumber: s.certificateNumber,
  itemCode: s.itemCode,
  itemName: s.itemName,
  copies: s.copies,
  approverName: s.approverName,
  handlerName: s.handlerName,
  applicantName: s.applicantName,
  applicantPhoneMasked: s.applicantPhoneMasked,
})

/**
 * Appends the issue entry (the certificate's content) and the register line's entry, inside the
 * issuing transaction and after both rows are written: they are read back so that what is recorded is
 * what is stored (MySQL keeps whole seconds of a datetime). The demo data issues through here too.
 */
export async function recordIssue(
  audit: AuditService,
  repo: CertificatesRepository,
  m: EntityManager,
  actor: Actor,
  requestId: number,
  before: unknown,
): Promise<void> {
  const { r, line } = await repo.issued(m, requestId)
  await audit.append(m, {
    actor,
    action: ISSUE_ACTION,
    orgId: r.villageId,
    targetType: 'certificate_request',
    targetId: r.id,
    before,
    after: issuedRecord(r),
  })
  await audit.append(m, {
    actor,
    action: SEAL_USE_ACTION,
    orgId: r.villageId,
    targetType: 'seal_use_record',
    targetId: line.id,
    after: sealUseRecord(line),
  })
}
