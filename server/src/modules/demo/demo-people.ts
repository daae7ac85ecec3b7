import { idNumberCheckChar, type Role } from '@xiangli/shared'

export interface PersonSpec {
  name: string
  sex: 'male' | 'female'
  birth: string // YYYYMMDD
  head?: boolean
  rep?: boolean
  roles?: Role[]
  demoKey?: string
}

export interface HouseholdSpec {
  code: string
  group: string
  address: string
  members: PersonSpec[]
}

const M = 'male' as const
const F = 'female' as const

/** 柳林村: a rural village of 14 households in three villager groups. */
export const VILLAGE_HOUSEHOLDS: HouseholdSpec[] = [
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
      // 网格员 of 东片网格 (一组)
      { name: '李明', sex: M, birth: '19950804', roles: ['grid_worker'], demoKey: 'grid_worker' },
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
      // 网格员 of 西片网格 (二组 and 三组)
      { name: '杨帆', sex: M, birth: '19930228', roles: ['grid_worker'] },
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
      {
        name: '罗振华',
        sex: M,
        birth: '19640927',
        head: true,
        rep: true,
        roles: ['group_leader', 'representative'],
        demoKey: 'group_leader',
      },
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
export const COMMUNITY_HOUSEHOLDS: HouseholdSpec[] = [
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

/**
 * Each demo person's ID number, by name: valid, area 330106, the birth date, and a sequence number
 * running over everyone in order (odd for men, even for women). The same every time, so the README
 * and the tests know the newcomer's.
 */
export const DEMO_ID_NUMBERS: ReadonlyMap<string, string> = (() => {
  const numbers = new Map<string, string>()
  let seq = 0
  for (const h of [...VILLAGE_HOUSEHOLDS, ...COMMUNITY_HOUSEHOLDS])
    for (const p of h.members) {
      seq += 1
      let n = (seq * 2) % 1000
      if (p.sex === 'male') n += 1
      const first17 = `330106${p.birth}${String(n % 1000).padStart(3, '0')}`
      numbers.set(p.name, first17 + idNumberCheckChar(first17))
    }
  return numbers
})()

/** 柳林村's grids (网格): each a part of the village by its villager groups, with its 网格员. */
export const VILLAGE_GRIDS: readonly { name: string; groups: readonly string[]; worker: string }[] = [
  { name: '东片网格', groups: ['一组'], worker: '李明' },
  { name: '西片网格', groups: ['二组', '三组'], worker: '杨帆' },
]
