import type { EntityManager } from 'typeorm'
import type { ConvenienceServicesService } from '../convenience-services/convenience-services.service'
import type { DemoPerson } from '../roster/roster-directory'

const DAY = 86_400_000

/**
 * 便民服务: the county's default catalogue, and three requests of 柳林村 at different steps: 王秀英's
 * pension enrolment carried to the township by the 网格员, a medical-insurance payment done at the
 * desk, and a relief application waiting to be taken.
 */
export async function seedDemoServices(
  m: EntityManager,
  services: ConvenienceServicesService,
  at: { countyId: number; villageId: number },
  person: (name: string) => DemoPerson,
  now: Date,
): Promise<void> {
  await services.seedDefaultCatalogue(m, at.countyId)
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY + hours * 3_600_000)
  const grid = person('李明')
  const committee = person('张丽')
  const who = (p: DemoPerson) => ({ byAccountId: p.accountId!, byName: p.name })
  const of = (name: string) => ({
    ...at,
    residentId: person(name).id,
    residentName: name,
    accountId: person(name).accountId ?? null,
  })

  const wang = person('王秀英')
  await services.seedDemo(
    m,
    {
      ...of('王秀英'),
      itemCode: 'pension_enrol',
      materials: ['居民身份证', '户口簿', '银行卡（社保卡）'],
      note: '以前在外打工没交过，想在村里参保。',
      submittedAt: ago(6),
      handoffs: [
        { kind: 'accept', at: ago(5), ...who(grid) },
        { kind: 'hand_over', at: ago(4), ...who(grid), receiver: '陈会计' },
      ],
    },
    wang.accountId!,
  )
  await services.seedDemo(
    m,
    {
      ...of('周桂芳'),
      itemCode: 'medical_insurance',
      materials: ['居民身份证', '户口簿'],
      note: '',
      submittedAt: ago(10),
      handoffs: [
        { kind: 'accept', at: ago(10, 1), ...who(committee) },
        { kind: 'receive_result', at: ago(9), ...who(committee) },
        { kind: 'deliver', at: ago(8), ...who(committee) },
      ],
    },
    committee.accountId!,
  )
  await services.seedDemo(
    m,
    {
      ...of('王德福'),
      itemCode: 'temporary_relief',
      materials: ['居民身份证', '户口簿'],
      note: '老伴住院，医药费花了不少，想问问能不能申请临时救助。',
      submittedAt: ago(1),
      handoffs: [],
    },
    grid.accountId!,
  )
}
