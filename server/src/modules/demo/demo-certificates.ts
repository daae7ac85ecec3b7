import { randomBytes } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import {
  DEFAULT_CATALOGUE,
  certificateDeadline,
  certificateYear,
  chinaDate,
  formatCertificateNumber,
  renderCertificateBody,
  sealUseEntry,
  verificationCodeFromBytes,
  type CertificateFieldValues,
} from '@xiangli/shared'
import type { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { CatalogueOverride } from '../certificates/entities/catalogue-override.entity'
import { CertificateCounter } from '../certificates/entities/certificate-counter.entity'
import { CertificateRequest } from '../certificates/entities/certificate-request.entity'
import { SealUseRecord } from '../certificates/entities/seal-use-record.entity'
import type { Resident } from '../roster/entities/resident.entity'

const DAY = 86_400_000

/**
 * 柳林村's certificates: the default list with the village's promise to issue 居住证明 in 2 days,
 * two certificates already issued (numbered from 1 this year, in the seal-use register) and one
 * request waiting for the committee.
 */
export async function seedDemoCertificates(
  m: EntityManager,
  crypto: FieldCrypto,
  village: { id: number; name: string; code: string },
  person: (name: string) => { resident: Resident; idNumber: string },
  /** records an issued certificate and its register line in the audit chain */
  recordIssue: (requestId: number, approver: Resident) => Promise<void>,
  now = new Date(),
): Promise<void> {
  await m.getRepository(CatalogueOverride).save({
    scope: 'village' as const,
    scopeKey: String(village.id),
    override: { remove: [], timeLimitDays: { residence: 2 } },
  })
  const item = (code: string) => DEFAULT_CATALOGUE.positive.find((i) => i.code === code)!
  const approver = person('张丽').resident
  const year = certificateYear(now)
  let sequence = 0

  const add = async (
    who: string,
    code: string,
    fields: CertificateFieldValues,
    purpose: string,
    daysAgo: number,
    issue: boolean,
  ) => {
    const { resident, idNumber } = person(who)
    const i = item(code)
    const at = new Date(now.getTime() - daysAgo * DAY)
    const base = {
      villageId: village.id,
      applicantAccountId: resident.accountId ?? 0,
      applicantResidentId: resident.id,
      applicantName: resident.name,
      applicantPhone: resident.phone,
      itemCode: i.code,
      itemName: i.name,
      timeLimitDays: i.timeLimitDays,
      purpose,
      fieldsEnc: crypto.encrypt(JSON.stringify(fields)),
      materialIds: [],
      copies: 1,
      infoRequest: null,
      refuseReason: null,
      revokedAt: null,
      revokeReason: null,
      createdAt: at,
    }
    if (!issue) {
      await m.getRepository(CertificateRequest).save({
        ...base,
        state: 'submitted' as const,
        dueAt: certificateDeadline(at, 2),
        decidedByAccountId: null,
        decidedByName: null,
        decidedAt: null,
        number: null,
        issuedYear: null,
        verificationCode: null,
        issuedAt: null,
        bodyEnc: null,
      })
      return
    }
    // issued a day after asking, but never before the year began: numbers run from 1 each year
    const issuedAt = new Date(
      Math.max(at.getTime() + DAY, new Date(`${year}-01-01T00:00:00+08:00`).getTime()),
    )
    const body = renderCertificateBody(
      i,
      { name: resident.name, idNumber, village: village.name, date: chinaDate(issuedAt) },
      fields,
    )
    if (!body.ok)
      throw new Error(`demo certificate ${code}: template incomplete (${body.missing.join(', ')})`)
    const number = formatCertificateNumber({ villageCode: village.code, year, sequence: ++sequence })
    const r = await m.getRepository(CertificateRequest).save({
      ...base,
      state: 'issued' as const,
      dueAt: null,
      decidedByAccountId: approver.accountId,
      decidedByName: approver.name,
      decidedAt: issuedAt,
      number,
      issuedYear: year,
      verificationCode: verificationCodeFromBytes(randomBytes(8)),
      issuedAt,
      bodyEnc: crypto.encrypt(body.text),
    })
    const entry = sealUseEntry({
      at: issuedAt,
      certificateNumber: number,
      itemCode: i.code,
      itemName: i.name,
      copies: 1,
      approverName: approver.name,
      handlerName: approver.name,
      applicantName: resident.name,
      applicantPhone: resident.phone ?? '',
    })
    await m.getRepository(SealUseRecord).insert({
      villageId: village.id,
      requestId: r.id,
      at: issuedAt,
      certificateNumber: number,
      itemCode: entry.itemCode,
      itemName: entry.itemName,
      copies: entry.copies,
      approverName: entry.approverName,
      handlerName: entry.handlerName,
      applicantName: entry.applicantName,
      applicantPhoneMasked: entry.applicantPhoneMasked,
    })
    await recordIssue(r.id, approver)
  }

  await add(
    '王秀英',
    'residence',
    { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' },
    '孙女上小学报名',
    5,
    true,
  )
  await add('刘长青', 'collective_member', { group: '一组' }, '办理征地补偿', 3, true)
  await add(
    '王秀英',
    'homestead_origin',
    {
      location: '一组 3 号',
      area: '120',
      acquisition: '村集体分配',
      acquiredYear: '1986',
      builtYear: '1988',
    },
    '办理宅基地不动产登记',
    0,
    false,
  )
  await m.getRepository(CertificateCounter).save({ villageId: village.id, year, lastSequence: sequence })
}
