import type { EntityManager } from 'typeorm'
import { certificateDeadline, certificateYear, type CertificateFieldValues } from '@xiangli/shared'
import type { CertificatesService, DemoRequest } from '../certificates/certificates.service'
import type { DemoPerson } from '../roster/roster-directory'

const DAY = 86_400_000

/**
 * 柳林村's certificates: the default list with the village's promise to issue 居住证明 in 2 days,
 * two certificates already issued (numbered from 1 this year, in the seal-use register) and one
 * request waiting for the committee.
 */
export async function seedDemoCertificates(
  m: EntityManager,
  certificates: CertificatesService,
  village: { id: number; name: string; code: string },
  person: (name: string) => { resident: DemoPerson; idNumber: string },
  now = new Date(),
): Promise<void> {
  const approver = person('张丽').resident
  const year = certificateYear(now)

  const request = (
    who: string,
    itemCode: string,
    fields: CertificateFieldValues,
    purpose: string,
    daysAgo: number,
    issue: boolean,
  ): DemoRequest => {
    const { resident, idNumber } = person(who)
    const askedAt = new Date(now.getTime() - daysAgo * DAY)
    const asked = {
      applicant: {
        residentId: resident.id,
        accountId: resident.accountId,
        name: resident.name,
        phone: resident.phone,
        idNumber,
      },
      itemCode,
      fields,
      purpose,
      askedAt,
    }
    if (!issue) return { ...asked, dueAt: certificateDeadline(askedAt, 2) }
    // issued a day after asking, but never before the year began: numbers run from 1 each year
    const issuedAt = new Date(
      Math.max(askedAt.getTime() + DAY, new Date(`${year}-01-01T00:00:00+08:00`).getTime()),
    )
    return { ...asked, issuedAt }
  }

  await certificates.seedDemo(m, {
    village,
    override: { remove: [], timeLimitDays: { residence: 2 } },
    approver: { accountId: approver.accountId, name: approver.name },
    requests: [
      request(
        '王秀英',
        'residence',
        { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' },
        '孙女上小学报名',
        5,
        true,
      ),
      request('刘长青', 'collective_member', { group: '一组' }, '办理征地补偿', 3, true),
      request(
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
      ),
    ],
    now,
  })
}
