import { Injectable, Logger } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { defaultVillageSettings } from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../core/audit/audit.service'
import { OrgDirectory } from '../../core/access/org-directory'
import { PrincipalService } from '../../core/auth/principal.service'
import { Clock } from '../../core/clock/clock'
import { TxService } from '../../core/tx/tx.service'
import { AccountsDirectory } from '../auth/accounts-directory'
import { CadreReviewsService } from '../cadre-reviews/cadre-reviews.service'
import { CertificatesService } from '../certificates/certificates.service'
import { GrievancesService } from '../grievances/grievances.service'
import { GridsService } from '../grids/grids.service'
import { InboxService } from '../inbox/inbox.service'
import { NoticesService } from '../notices/notices.service'
import { OrgsService } from '../orgs/orgs.service'
import { PollsService } from '../polls/polls.service'
import { ActivitiesService } from '../activities/activities.service'
import { PointsService } from '../points/points.service'
import { ConvenienceServicesService } from '../convenience-services/convenience-services.service'
import { NewcomersService } from '../newcomers/newcomers.service'
import { RoleHolders } from '../roles/role-holders'
import { RosterDirectory, type DemoPerson } from '../roster/roster-directory'
import { VerificationService } from '../verification/verification.service'
import { VillageRulesService } from '../village-rules/village-rules.service'
import { seedDemoCertificates } from './demo-certificates'
import { demoGrievances } from './demo-grievances'
import { seedDemoNotices } from './demo-notices'
import { DEMO_VILLAGE_RULES } from './demo-village-rules'
import { seedDemoPolls } from './demo-polls'
import { seedDemoActivities } from './demo-activities'
import { seedDemoPoints } from './demo-points'
import { seedDemoServices } from './demo-services'
import { seedDemoNewcomers } from './demo-newcomers'
import {
  COMMUNITY_HOUSEHOLDS,
  DEMO_ID_NUMBERS,
  DEMO_NEWCOMER,
  VILLAGE_GRIDS,
  VILLAGE_HOUSEHOLDS,
} from './demo-people'

export { DEMO_NEWCOMER } from './demo-people'

/**
 * The demo county: 清河县 / 柳林镇 with 柳林村 and 新华社区, their people, roles and a little of
 * everything on first look. Each module writes its own part through its exported service; the
 * seeder only says what to write.
 */
@Injectable()
export class DemoSeeder {
  private readonly log = new Logger('Demo')

  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly orgs: OrgsService,
    private readonly accounts: AccountsDirectory,
    private readonly roster: RosterDirectory,
    private readonly roles: RoleHolders,
    private readonly verification: VerificationService,
    private readonly inbox: InboxService,
    private readonly grievances: GrievancesService,
    private readonly grids: GridsService,
    private readonly certificates: CertificatesService,
    private readonly notices: NoticesService,
    private readonly principals: PrincipalService,
    private readonly orgDirectory: OrgDirectory,
    private readonly villageRules: VillageRulesService,
    private readonly cadreReviews: CadreReviewsService,
    private readonly polls: PollsService,
    private readonly activities: ActivitiesService,
    private readonly points: PointsService,
    private readonly services: ConvenienceServicesService,
    private readonly newcomers: NewcomersService,
    private readonly clock: Clock,
  ) {}

  /** Creates the demo county when the database holds no organisation yet. */
  async seedIfEmpty(): Promise<boolean> {
    if (await this.orgs.anyExists()) return false
    const { villageId, committeeAccountId } = await this.tx.run((m) => this.seed(m))
    // notices go through their own service (versions, hashes, notifications), after the roster exists
    await seedDemoNotices(this.notices, this.principals, this.orgDirectory, villageId, committeeAccountId)
    await seedDemoNewcomers(this.tx, this.accounts, this.newcomers, villageId, this.clock.now())
    this.log.log('demo data created: 清河县 / 柳林镇 / 柳林村 and 新华社区')
    return true
  }

  private async seed(m: EntityManager): Promise<{ villageId: number; committeeAccountId: number }> {
    const county = await this.orgs.seedDemoOrg(m, {
      kind: 'county',
      name: '清河县',
      code: '330106',
      parentId: null,
      settings: null,
    })
    const township = await this.orgs.seedDemoOrg(m, {
      kind: 'township',
      name: '柳林镇',
      code: '330106101',
      parentId: county.id,
      settings: null,
    })
    const village = await this.orgs.seedDemoOrg(m, {
      kind: 'village',
      name: '柳林村',
      code: '330106101201',
      parentId: township.id,
      settings: defaultVillageSettings('village'),
    })
    const community = await this.orgs.seedDemoOrg(m, {
      kind: 'community',
      name: '新华社区',
      code: '330106101002',
      parentId: township.id,
      settings: defaultVillageSettings('community'),
    })

    let phone = 0
    const byName = new Map<string, DemoPerson>()
    /** 柳林村's households by villager group, for its grids */
    const villageGroups = new Map<string, number[]>()
    for (const [unit, households] of [
      [village, VILLAGE_HOUSEHOLDS],
      [community, COMMUNITY_HOUSEHOLDS],
    ] as const) {
      const groupIds = new Map<string, number>()
      for (const h of households) {
        if (!groupIds.has(h.group)) {
          const g = await this.orgs.seedDemoOrg(m, {
            kind: 'group',
            name: h.group,
            code: `${unit.code}-G${String(groupIds.size + 1).padStart(3, '0')}`,
            parentId: unit.id,
            settings: null,
          })
          groupIds.set(h.group, g.id)
        }
        const members = []
        for (const p of h.members) {
          // the newcomer's account is made later: it is not linked to the roster until they verify
          const accountId =
            p.demoKey && p.demoKey !== 'newcomer'
              ? await this.accounts.seedDemoAccount(m, p.name, p.demoKey)
              : null
          members.push({
            name: p.name,
            sex: p.sex,
            birthDate: `${p.birth.slice(0, 4)}-${p.birth.slice(4, 6)}-${p.birth.slice(6, 8)}`,
            idNumber: DEMO_ID_NUMBERS.get(p.name)!,
            phone: `139000${String(++phone).padStart(5, '0')}`,
            isHouseholdHead: p.head ?? false,
            isHouseholdRep: p.rep ?? false,
            residency: 'registered' as const,
            accountId,
          })
        }
        const people = await this.roster.seedDemoHousehold(
          m,
          { villageId: unit.id, groupId: groupIds.get(h.group)!, code: h.code, address: h.address },
          members,
        )
        if (unit.id === village.id)
          villageGroups.set(h.group, [...(villageGroups.get(h.group) ?? []), people[0]!.householdId])
        for (const [i, p] of h.members.entries()) {
          const person = people[i]!
          byName.set(p.name, person)
          for (const role of p.roles ?? [])
            await this.roles.seedDemoRole(m, unit.id, role, { residentId: person.id })
        }
      }
    }

    for (const grid of VILLAGE_GRIDS)
      await this.grids.seedDemo(m, village.id, {
        name: grid.name,
        workerResidentIds: [byName.get(grid.worker)!.id],
        householdIds: grid.groups.flatMap((g) => villageGroups.get(g) ?? []),
      })

    const official = await this.accounts.seedDemoAccount(m, '赵建国', 'township')
    await this.roles.seedDemoRole(m, township.id, 'township_official', { accountId: official })
    const admin = await this.accounts.seedDemoAccount(m, '系统管理员', 'admin')
    await this.roles.seedDemoRole(m, county.id, 'system_admin', { accountId: admin })
    await this.accounts.seedDemoAccount(m, DEMO_NEWCOMER.name, 'newcomer')

    // one request waiting for the committee, so the review queue is not empty on first look
    const waiting = byName.get('陈冬梅')!
    await this.verification.seedDemoClaim(m, {
      accountId: await this.accounts.seedDemoAccount(m, waiting.name, null),
      villageId: community.id,
      residentId: waiting.id,
      name: waiting.name,
      idNumber: DEMO_ID_NUMBERS.get(waiting.name)!,
      phone: waiting.phone!,
    })
    await this.inbox.seedDemoMessage(m, {
      accountId: byName.get('王秀英')!.accountId!,
      orgId: village.id,
      kind: 'welcome',
      title: '欢迎使用乡里',
      body: '在这里可以查看村务公开、向村委会反映问题。长辈模式在“我的”里打开，字会更大。',
    })
    await this.audit.append(m, {
      actor: SYSTEM_ACTOR,
      action: 'demo.seeded',
      orgId: null,
      targetType: 'org',
      targetId: county.id,
      after: { county: county.code, villages: [village.code, community.code], residents: byName.size },
    })
    const person = (name: string) => byName.get(name)!
    await this.grievances.seedDemo(m, village.id, demoGrievances(village.settings!.timeLimits, person))
    await seedDemoCertificates(m, this.certificates, village, (name) => ({
      resident: person(name),
      idNumber: DEMO_ID_NUMBERS.get(name)!,
    }))
    await this.villageRules.seedDemo(m, {
      ...DEMO_VILLAGE_RULES,
      villageId: village.id,
      accountId: person('张丽').accountId!,
    })
    // 民主评议 of last year, held and published: everyone 称职 but for a few 基本称职 for 张丽
    const supervisorAccount = person('赵国强').accountId!
    const lastYear = new Date(Date.UTC(this.clock.now().getUTCFullYear() - 1, 11, 10, 1, 0, 0))
    await this.cadreReviews.seedDemo(m, {
      villageId: village.id,
      year: lastYear.getUTCFullYear(),
      heldAt: lastYear,
      accountId: supervisorAccount,
      rate: (i, name) => (name === '张丽' && i % 3 === 0 ? 'basic' : 'competent'),
    })
    await seedDemoPolls(m, this.polls, village.id, (name) => person(name).id, this.clock.now())
    await seedDemoActivities(m, this.activities, village.id, (name) => person(name).id, this.clock.now())
    await seedDemoPoints(m, this.points, village.id, person, this.clock.now())
    await seedDemoServices(
      m,
      this.services,
      { countyId: county.id, villageId: village.id },
      person,
      this.clock.now(),
    )
    return { villageId: village.id, committeeAccountId: person('张丽').accountId! }
  }

  /** The newcomer's ID number, for the README and the browser test. */
  newcomerIdNumber(): Promise<string> {
    return Promise.resolve(DEMO_ID_NUMBERS.get(DEMO_NEWCOMER.name)!)
  }
}
