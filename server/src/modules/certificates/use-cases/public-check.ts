import { Injectable } from '@nestjs/common'
import {
  chinaDate,
  formatCertificateNumber,
  parseCertificateNumber,
  publicCertificateCheck,
  type CertificateCheckQuery,
  type PublicCertificateCheck,
} from '@xiangli/shared'
import { OrgsService } from '../../orgs/orgs.service'
import { ARCHIVE_ACTIONS, certificateArchive } from '../certificate-integrity'
import { CertificatesRepository } from '../certificates.repository'

/**
 * The public check (the QR code opens it): anyone with a number and its code learns whether the
 * certificate is valid or revoked, and no more than the shared view shows; anything wrong is 无效.
 */
@Injectable()
export class PublicCheck {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly orgs: OrgsService,
  ) {}

  async check(q: CertificateCheckQuery): Promise<PublicCertificateCheck> {
    const parsed = parseCertificateNumber(q.n)
    const r = parsed ? await this.repo.byNumber(formatCertificateNumber(parsed)) : null
    const issued =
      r && r.number && r.verificationCode && r.issuedAt && (r.state === 'issued' || r.state === 'revoked')
    const villageName = issued ? (await this.orgs.names([r.villageId])).get(r.villageId) : undefined
    // recomputed against the chain: a holder, item or state changed behind the application's back
    // answers 证明信息与存档不一致, never 有效
    const archive = issued ? certificateArchive(r, await this.repo.entriesAbout(r.id, ARCHIVE_ACTIONS)) : null
    return publicCertificateCheck(
      issued && villageName !== undefined && archive
        ? {
            number: r.number!,
            verificationCode: r.verificationCode!,
            state: r.state as 'issued' | 'revoked',
            itemName: r.itemName,
            villageName,
            issuedOn: chinaDate(r.issuedAt!),
            holderName: r.applicantName,
            matchesArchive: archive.matches,
          }
        : null,
      q.c,
      archive?.codeWasIssued(q.c) ?? false,
    )
  }
}
