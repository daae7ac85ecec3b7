import { Injectable, Logger } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { defaultVillageSettings, idNumberCheckChar, maskIdNumber, type Role } from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../core/audit/audit.service'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { TxService } from '../../core/tx/tx.service'
import { OrgDirectory } from '../../core/access/org-directory'
import { PrincipalService } from '../../core/auth/principal.service'
import { CertificatesService } from '../certificates/certificates.service'
import { NoticesService } from '../notices/notices.service'
import { seedDemoNotices } from './demo-notices'
import { Account } from '../auth/entities/account.entity'
import { DEFAULT_PREFERENCES } from '../auth/auth.service'
import { Org } from '../orgs/entities/org.entity'
import { Household } from '../roster/entities/household.entity'
import { Resident } from '../roster/entities/resident.entity'
import { RoleAssignment } from '../roles/entities/role-assignment.entity'
import { VerificationRequest } from '../verification/entities/verification-request.entity'
import { Notification } from '../inbox/entities/notification.entity'
import { seedDemoCertificates } from './demo-certificates'
import { seedDemoGrievances } from './demo-grievances'

interface PersonSpec {
  name: string
  sex: 'male' | 'female'
  birth: string // YYYYMMDD
  head?: boolean
  rep?: boolean
  roles?: Role[]
  demoKey?: string
}

interface HouseholdSpec {
  code: string
  group: string
  address: string
  members: PersonSpec[]
}

const M = 'male' as const
const F = 'female' as const

/** 柳林村: a rural village of 14 households in three villager groups. */
const VILLAGE_HOUSEHOLDS: HouseholdSpec[] = [
  {
    code: '001',
    group: '一组',
    address: '一组 1 号',
    members: [
      {
        name: '李建华',
        sex: M,
        birth: '19680312',
        head: true,
        rep: true,
        roles: ['party_secretary', 'committee_member', 'party_member'],
        demoKey: 'secretary',
      },
      { name: '周桂芳', sex: F, birth: '19700521' },
      { name: '李明', sex: M, birth: '19950804' },
    ],
  },
  {
    code: '002',
    group: '一组',
    address: '一组 3 号',
    members: [
      { name: '王德福', sex: M, birth: '19620917', head: true, rep: true },
      { name: '王秀英', sex: F, birth: '19650203', demoKey: 'resident' },
      { name: '王小军', sex: M, birth: '19900611' },
      { name: '王雨', sex: F, birth: '20150309' },
    ],
  },
  {
    code: '003',
    group: '一组',
    address: '一组 6 号',
    members: [
      {
        name: '张丽',
        sex: F,
        birth: '19780726',
        head: true,
        rep: true,
        roles: ['committee_member', 'party_member'],
        demoKey: 'committee',
      },
      { name: '陈志强', sex: M, birth: '19760118' },
      { name: '陈思雨', sex: F, birth: '20080422' },
    ],
  },
  {
    code: '004',
    group: '一组',
    address: '一组 9 号',
    members: [
      {
        name: '刘长青',
        sex: M,
        birth: '19550130',
        head: true,
        rep: true,
        roles: ['representative', 'party_member'],
        demoKey: 'representative',
      },
      { name: '孙玉兰', sex: F, birth: '19570814' },
      { name: '刘海', sex: M, birth: '19830507' },
    ],
  },
  {
    code: '005',
    group: '一组',
    address: '一组 12 号',
    members: [
      {
        name: '赵国强',
        sex: M,
        birth: '19720402',
        head: true,
        rep: true,
        roles: ['supervisor'],
        demoKey: 'supervisor',
      },
      { name: '吴春梅', sex: F, birth: '19740929' },
      { name: '赵欣然', sex: F, birth: '20000113' },
    ],
  },
  {
    code: '006',
    group: '二组',
    address: '二组 2 号',
    members: [
      {
        name: '杨文斌',
        sex: M,
        birth: '19660620',
        head: true,
        rep: true,
        roles: ['committee_member', 'party_member'],
      },
      { name: '黄淑珍', sex: F, birth: '19681105' },
      { name: '杨帆', sex: M, birth: '19930228' },
    ],
  },
  {
    code: '007',
    group: '二组',
    address: '二组 5 号',
    members: [
      { name: '徐永康', sex: M, birth: '19590716', head: true, rep: true, roles: ['representative'] },
      { name: '马翠萍', sex: F, birth: '19610302' },
      { name: '徐磊', sex: M, birth: '19870919' },
    ],
  },
  {
    code: '008',
    group: '二组',
    address: '二组 8 号',
    members: [
      {
        name: '朱红梅',
        sex: F,
        birth: '19800311',
        head: true,
        rep: true,
        roles: ['party_member'],
        demoKey: 'party_member',
      },
      { name: '胡建军', sex: M, birth: '19790624' },
      { name: '胡子涵', sex: M, birth: '20120805' },
    ],
  },
  {
    code: '009',
    group: '二组',
    address: '二组 11 号',
    members: [
      {
        name: '郭守信',
        sex: M,
        birth: '19500105',
        head: true,
        rep: true,
        roles: ['representative', 'party_member'],
      },
      { name: '林凤英', sex: F, birth: '19530418' },
    ],
  },
  {
    code: '010',
    group: '二组',
    address: '二组 14 号',
    members: [
      { name: '何丽萍', sex: F, birth: '19730803', head: true, rep: true, roles: ['supervisor'] },
      { name: '高峰', sex: M, birth: '19711210' },
      { name: '高源', sex: M, birth: '19980601' },
    ],
  },
  {
    code: '011',
    group: '三组',
    address: '三组 1 号',
    members: [
      { name: '罗振华', sex: M, birth: '19640927', head: true, rep: true, roles: ['representative'] },
      { name: '梁秀兰', sex: F, birth: '19660115' },
      { name: '罗晓燕', sex: F, birth: '19910720' },
    ],
  },
  {
    code: '012',
    group: '三组',
    address: '三组 4 号',
    members: [
      {
        name: '宋立新',
        sex: M,
        birth: '19690523',
        head: true,
        rep: true,
        roles: ['supervisor', 'party_member'],
      },
      { name: '郑美玲', sex: F, birth: '19710930' },
      { name: '宋佳', sex: F, birth: '20050217' },
    ],
  },
  {
    code: '013',
    group: '三组',
    address: '三组 7 号',
    members: [
      {
        name: '谢德明',
        sex: M,
        birth: '19580808',
        head: true,
        rep: true,
        roles: ['representative', 'party_member'],
      },
      { name: '韩桂英', sex: F, birth: '19600612' },
      { name: '谢伟', sex: M, birth: '19850321' },
    ],
  },
  {
    code: '014',
    group: '三组',
    address: '三组 10 号',
    members: [
      { name: '唐国平', sex: M, birth: '19750115', head: true, rep: true, roles: ['representative'] },
      { name: '冯晓红', sex: F, birth: '19770406' },
      { name: '刘小满', sex: F, birth: '19990909', demoKey: 'newcomer' },
    ],
  },
]

/** 新华社区: an urban community of 6 households in two grids. */
const COMMUNITY_HOUSEHOLDS: HouseholdSpec[] = [
  {
    code: 'A101',
    group: '第一网格',
    address: '新华小区 1 栋 101',
    members: [
      {
        name: '钱卫东',
        sex: M,
        birth: '19670401',
        head: true,
        rep: true,
        roles: ['party_secretary', 'committee_member', 'party_member'],
      },
      { name: '邓慧', sex: F, birth: '19690707' },
      { name: '钱程', sex: M, birth: '19960125' },
    ],
  },
  {
    code: 'A202',
    group: '第一网格',
    address: '新华小区 2 栋 202',
    members: [
      {
        name: '许静',
        sex: F,
        birth: '19820916',
        head: true,
        rep: true,
        roles: ['committee_member'],
        demoKey: 'community_committee',
      },
      { name: '沈浩', sex: M, birth: '19801130' },
      { name: '沈一诺', sex: F, birth: '20140628' },
    ],
  },
  {
    code: 'A303',
    group: '第一网格',
    address: '新华小区 3 栋 303',
    members: [
      { name: '曹丽娟', sex: F, birth: '19880213', head: true, rep: true, demoKey: 'community_resident' },
      { name: '彭飞', sex: M, birth: '19870502' },
      { name: '彭乐乐', sex: M, birth: '20180811' },
    ],
  },
  {
    code: 'B101',
    group: '第二网格',
    address: '新华小区 5 栋 101',
    members: [
      {
        name: '蒋振宇',
        sex: M,
        birth: '19610319',
        head: true,
        rep: true,
        roles: ['supervisor', 'party_member'],
      },
      { name: '蔡秀云', sex: F, birth: '19630924' },
      { name: '蒋琳', sex: F, birth: '19890515' },
    ],
  },
  {
    code: 'B202',
    group: '第二网格',
    address: '新华小区 6 栋 202',
    members: [
      { name: '贾海涛', sex: M, birth: '19760822', head: true, rep: true, roles: ['representative'] },
      { name: '丁雪', sex: F, birth: '19781017' },
      { name: '贾博文', sex: M, birth: '20030404' },
    ],
  },
  {
    code: 'B303',
    group: '第二网格',
    address: '新华小区 7 栋 303',
    members: [
      {
        name: '魏建平',
        sex: M,
        birth: '19540612',
        head: true,
        rep: true,
        roles: ['representative', 'party_member'],
      },
      { name: '薛凤琴', sex: F, birth: '19560228' },
      { name: '陈冬梅', sex: F, birth: '19920126' },
    ],
  },
]

/** The newcomer signs in and verifies with these; the README prints them for trying it out. */
export const DEMO_NEWCOMER = { name: '刘小满', village: '柳林村' }

@Injectable()
export class DemoSeeder {
  private readonly log = new Logger('Demo')
  private seq = 0

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    private readonly notices: NoticesService,
    private readonly certificates: CertificatesService,
    private readonly principals: PrincipalService,
    private readonly orgs: OrgDirectory,
  ) {}

  /** Creates the demo county when the database holds no organisation yet. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.ds.getRepository(Org).count()) > 0) return false
    await this.tx.run((m) => this.seed(m))
    // notices go through their own service (versions, hashes, notifications), after the roster exists
    const [village] = (await this.ds.query(
      `SELECT id FROM org WHERE kind = 'village' AND name = '柳林村'`,
    )) as {
      id: number
    }[]
    const committee = await this.ds.getRepository(Account).findOneByOrFail({ demoKey: 'committee' })
    await seedDemoNotices(this.notices, this.principals, this.orgs, Number(village!.id), committee.id)
    this.log.log('demo data created: 清河县 / 柳林镇 / 柳林村 and 新华社区')
    return true
  }

  /** A valid ID number for a birth date; area 330106, sequence odd for men, even for women. */
  private idNumber(birth: string, sex: 'male' | 'female'): string {
    this.seq += 1
    let n = (this.seq * 2) % 1000
    if (sex === 'male') n += 1
    const first17 = `330106${birth}${String(n % 1000).padStart(3, '0')}`
    return first17 + idNumberCheckChar(first17)
  }

  private async seed(m: EntityManager): Promise<void> {
    const orgs = m.getRepository(Org)
    const county = await orgs.save({
      kind: 'county' as const,
      name: '清河县',
      code: '330106',
      parentId: null,
      settings: null,
    })
    const township = await orgs.save({
      kind: 'township' as const,
      name: '柳林镇',
      code: '330106101',
      parentId: county.id,
      settings: null,
    })
    const village = await orgs.save({
      kind: 'village' as const,
      name: '柳林村',
      code: '330106101201',
      parentId: township.id,
      settings: defaultVillageSettings('village'),
    })
    const community = await orgs.save({
      kind: 'community' as const,
      name: '新华社区',
      code: '330106101002',
      parentId: township.id,
      settings: defaultVillageSettings('community'),
    })

    const accounts = m.getRepository(Account)
    const newAccount = (displayName: string, demoKey: string | null) =>
      accounts.save({
        openid: null,
        demoKey,
        displayName,
        preferences: DEFAULT_PREFERENCES,
        lastLoginAt: null,
      })

    let phone = 0
    const byName = new Map<string, { resident: Resident; idNumber: string }>()
    for (const [unit, households] of [
      [village, VILLAGE_HOUSEHOLDS],
      [community, COMMUNITY_HOUSEHOLDS],
    ] as const) {
      const groupIds = new Map<string, number>()
      for (const h of households) {
        if (!groupIds.has(h.group)) {
          const g = await orgs.save({
            kind: 'group' as const,
            name: h.group,
            code: `${unit.code}-G${String(groupIds.size + 1).padStart(3, '0')}`,
            parentId: unit.id,
            settings: null,
          })
          groupIds.set(h.group, g.id)
        }
        const household = await m.getRepository(Household).save({
          villageId: unit.id,
          groupId: groupIds.get(h.group)!,
          code: h.code,
          address: h.address,
          headResidentId: null,
        })
        for (const p of h.members) {
          const idNumber = this.idNumber(p.birth, p.sex)
          phone += 1
          const account = p.demoKey && p.demoKey !== 'newcomer' ? await newAccount(p.name, p.demoKey) : null
          const resident = await m.getRepository(Resident).save({
            villageId: unit.id,
            householdId: household.id,
            name: p.name,
            sex: p.sex,
            birthDate: `${p.birth.slice(0, 4)}-${p.birth.slice(4, 6)}-${p.birth.slice(6, 8)}`,
            idNumberEnc: this.crypto.encrypt(idNumber),
            idNumberHash: this.crypto.blindIndex(idNumber),
            idNumberMasked: maskIdNumber(idNumber),
            phone: `139000${String(phone).padStart(5, '0')}`,
            isHouseholdHead: p.head ?? false,
            isHouseholdRep: p.rep ?? false,
            residency: 'registered' as const,
            accountId: account?.id ?? null,
          })
          byName.set(p.name, { resident, idNumber })
          if (p.head)
            await m.getRepository(Household).update({ id: household.id }, { headResidentId: resident.id })
          for (const role of p.roles ?? [])
            await m.getRepository(RoleAssignment).save({
              orgId: unit.id,
              role,
              residentId: resident.id,
              accountId: null,
              holder: `r:${resident.id}`,
            })
        }
      }
    }

    const official = await newAccount('赵建国', 'township')
    await m.getRepository(RoleAssignment).save({
      orgId: township.id,
      role: 'township_official' as const,
      residentId: null,
      accountId: official.id,
      holder: `a:${official.id}`,
    })
    const admin = await newAccount('系统管理员', 'admin')
    await m.getRepository(RoleAssignment).save({
      orgId: county.id,
      role: 'system_admin' as const,
      residentId: null,
      accountId: admin.id,
      holder: `a:${admin.id}`,
    })
    await newAccount('刘小满', 'newcomer')

    // one request waiting for the committee, so the review queue is not empty on first look
    const waiting = byName.get('陈冬梅')!
    const applicant = await newAccount('陈冬梅', null)
    await m.getRepository(VerificationRequest).save({
      accountId: applicant.id,
      villageId: community.id,
      residentId: waiting.resident.id,
      name: waiting.resident.name,
      idNumberEnc: this.crypto.encrypt(waiting.idNumber),
      idNumberMasked: maskIdNumber(waiting.idNumber),
      phone: waiting.resident.phone!,
      state: 'pending' as const,
      reason: null,
      decidedByAccountId: null,
      decidedAt: null,
    })
    const welcome = byName.get('王秀英')!.resident
    await m.getRepository(Notification).save({
      accountId: welcome.accountId!,
      orgId: village.id,
      kind: 'welcome',
      title: '欢迎使用乡里',
      body: '在这里可以查看村务公开、向村委会反映问题。长辈模式在“我的”里打开，字会更大。',
      link: null,
      readAt: null,
    })
    await this.audit.append(m, {
      actor: SYSTEM_ACTOR,
      action: 'demo.seeded',
      orgId: null,
      targetType: 'org',
      targetId: county.id,
      after: { county: county.code, villages: [village.code, community.code], residents: byName.size },
    })
    await seedDemoGrievances(m, village, (name) => byName.get(name)!.resident)
    await seedDemoCertificates(m, this.certificates, village, (name) => byName.get(name)!)
  }

  /** The newcomer's ID number, for the README and the browser test. */
  newcomerIdNumber(): Promise<string> {
    return this.ds
      .getRepository(Resident)
      .findOneByOrFail({ name: DEMO_NEWCOMER.name })
      .then((r) => this.crypto.decrypt(r.idNumberEnc))
  }
}
