import { Injectable } from '@nestjs/common'
import { DataSource, In, Not, type EntityManager } from 'typeorm'
import { ERASED_NAME, maskPhone, type CertificateRequestState, type ErasureOutcome } from '@xiangli/shared'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import type { PersonalDataSection } from '../../core/privacy/personal-data'
import { CertificateRequest } from './entities/certificate-request.entity'

/** Issued (and later revoked) certificates stay: they may be in use, the check and the seal register need them. */
const KEPT: CertificateRequestState[] = ['issued', 'revoked']
const OPEN: CertificateRequestState[] = ['submitted', 'more_info_requested', 'resubmitted', 'approved']

/** The person's certificate requests (开证明). */
@Injectable()
export class CertificatesPersonalData implements PersonalDataSection {
  readonly section = 'certificates'
  constructor(
    private readonly ds: DataSource,
    private readonly crypto: FieldCrypto,
  ) {}

  async exportOf(accountId: number, m: EntityManager = this.ds.manager) {
    const rows = await m
      .getRepository(CertificateRequest)
      .find({ where: { applicantAccountId: accountId }, order: { id: 'ASC' } })
    return rows.map((r) => ({
      id: r.id,
      villageId: r.villageId,
      applicantName: r.applicantName,
      // masked as everywhere else it is shown; the full number is encrypted at rest
      phone: r.applicantPhoneEnc ? maskPhone(this.crypto.decrypt(r.applicantPhoneEnc)) : null,
      item: r.itemName,
      purpose: r.purpose,
      fields: JSON.parse(this.crypto.decrypt(r.fieldsEnc)) as unknown,
      materialIds: r.materialIds,
      state: r.state,
      number: r.number,
      issuedAt: r.issuedAt?.toISOString() ?? null,
      submittedAt: r.createdAt.toISOString(),
    }))
  }

  /**
   * A request never issued loses the name, phone, purpose, what was filled in and the materials (one
   * still open is withdrawn); an issued certificate stays exactly as issued.
   */
  async erase(m: EntityManager, accountId: number): Promise<ErasureOutcome> {
    const repo = m.getRepository(CertificateRequest)
    await repo.update({ applicantAccountId: accountId, state: In(OPEN) }, { state: 'withdrawn', dueAt: null })
    const erased = await repo.update(
      { applicantAccountId: accountId, state: Not(In(KEPT)) },
      {
        applicantName: ERASED_NAME,
        applicantPhoneEnc: null,
        purpose: '（已删除）',
        fieldsEnc: this.crypto.encrypt('{}'),
        materialIds: [],
        infoRequest: null,
        legacyPhone: null,
      },
    )
    const kept = await repo.countBy({ applicantAccountId: accountId, state: In(KEPT) })
    return {
      section: this.section,
      erased: erased.affected ?? 0,
      kept,
      note: '已开具的证明和用章登记依法保留（证明可能还在使用，需要能核验）；没有开具的申请已删除其中的个人信息，未办结的已撤回',
    }
  }
}
