import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm'
import { ERASED_NAME, maskPhone, type CertificateRequestState, type ErasureOutcome } from '@xiangli/shared'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { CertificateRequest } from './entities/certificate-request.entity'

/** Issued (and later revoked) certificates stay: they may be in use, the check and the seal register need them. */
const KEPT: CertificateRequestState[] = ['issued', 'revoked']
const OPEN: CertificateRequestState[] = ['submitted', 'more_info_requested', 'resubmitted', 'approved']

const CERTIFICATES_NOTE =
  '已开具的证明和用章登记依法保留（证明可能还在使用，需要能核验）；没有开具的申请已删除其中的个人信息，未办结的已撤回'

/** Applied for by the account, or filed for the person's roster row by staff or a relative (代办). */
const appliedBy = (who: DataSubject): FindOptionsWhere<CertificateRequest>[] => [
  { applicantAccountId: who.accountId },
  ...(who.residentIds.length ? [{ applicantResidentId: In(who.residentIds) }] : []),
]

/** The person's certificate requests (开证明). */
@Injectable()
export class CertificatesPersonalData implements PersonalDataSection {
  readonly section = 'certificates'
  constructor(
    private readonly ds: DataSource,
    private readonly crypto: FieldCrypto,
  ) {}

  async exportOf(who: DataSubject, m: EntityManager = this.ds.manager) {
    const rows = await m
      .getRepository(CertificateRequest)
      .find({ where: appliedBy(who), order: { id: 'ASC' } })
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
  async erase(m: EntityManager, who: DataSubject): Promise<ErasureOutcome> {
    const repo = m.getRepository(CertificateRequest)
    const rows = await repo.find({ select: ['id', 'state'], where: appliedBy(who) })
    const open = rows.filter((r) => OPEN.includes(r.state)).map((r) => r.id)
    const gone = rows.filter((r) => !KEPT.includes(r.state)).map((r) => r.id)
    const kept = rows.length - gone.length
    if (open.length) await repo.update({ id: In(open) }, { state: 'withdrawn', dueAt: null })
    if (gone.length === 0) return { section: this.section, erased: 0, kept, note: CERTIFICATES_NOTE }
    const erased = await repo.update(
      { id: In(gone) },
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
    return { section: this.section, erased: erased.affected ?? 0, kept, note: CERTIFICATES_NOTE }
  }
}
