import { membership } from '@/test/factories'
import { buildServiceMenu } from './menu'

const keys = (sections: ReturnType<typeof buildServiceMenu>) =>
  sections.flatMap((s) => s.items.map((i) => i.key))

describe('buildServiceMenu', () => {
  it('offers 实名认证 and messages to a person who is not verified', () => {
    const menu = buildServiceMenu({ verified: false, verificationPending: false, membership: null })
    expect(keys(menu)).toEqual(['verify', 'newcomerApply', 'inbox'])
  })

  it('says a pending verification is waiting for the committee', () => {
    const [mine] = buildServiceMenu({ verified: false, verificationPending: true, membership: null })
    expect(mine!.items[0]).toMatchObject({ key: 'verify', description: '已提交，等待村委会确认' })
  })

  it('offers a verified resident 村民说事 for their village, and messages', () => {
    const menu = buildServiceMenu({
      verified: true,
      verificationPending: false,
      membership: membership({ orgId: 42 }),
    })
    expect(menu[0]!.title).toBe('村民说事')
    expect(keys(menu)).toEqual([
      'grievanceRaise',
      'grievanceMine',
      'grievanceWall',
      'certificateCatalogue',
      'certificateMine',
      'deliberations',
      'petitions',
      'villageRules',
      'cadreReviews',
      'polls',
      'activities',
      'points',
      'serviceCatalogue',
      'serviceMine',
      'inbox',
    ])
    expect(menu[0]!.items.map((i) => i.title)).toEqual(['我要说事', '我的说事', '村里的说事墙'])
    expect(menu[1]!.items.map((i) => i.title)).toEqual(['开证明', '我的证明'])
    expect(menu[1]!.items[0]!.url).toBe('/subpackages/certificate/pages/catalogue/index?villageId=42')
    expect(menu[2]!.items[0]).toMatchObject({
      title: '村里议事',
      url: '/subpackages/deliberation/pages/list/index?villageId=42',
    })
    expect(menu[2]!.items[1]).toMatchObject({
      title: '联名提议',
      url: '/subpackages/petition/pages/list/index?villageId=42',
    })
    expect(menu[0]!.items[0]!.url).toBe('/subpackages/grievance/pages/raise/index?villageId=42')
    expect(menu[3]!.title).toBe('便民服务')
    expect(menu[3]!.items.map((i) => [i.title, i.url])).toEqual([
      ['我要办事', '/subpackages/service/pages/catalogue/index?villageId=42'],
      ['我的办事', '/subpackages/service/pages/mine/index?villageId=42'],
    ])
  })

  it('adds the whole 村委工作台 for a committee member, 说事处理 first, linked to their village', () => {
    const menu = buildServiceMenu({
      verified: true,
      verificationPending: false,
      membership: membership({ orgId: 42, orgName: '幸福村', roles: ['resident', 'committee_member'] }),
    })
    expect(menu[5]!.title).toBe('村委工作台 · 幸福村')
    expect(menu[5]!.items.map((i) => i.key)).toEqual([
      'grievances',
      'contentReview',
      'deliberationsBench',
      'villageRulesBench',
      'certificates',
      'sealRegister',
      'verifications',
      'newcomers',
      'roster',
      'roles',
      'grids',
      'audit',
      'notices',
      'proxy',
      'serviceQueue',
      'pollsBench',
      'activitiesBench',
      'pointsBench',
    ])
    expect(menu[5]!.items.every((i) => i.url.endsWith('?villageId=42'))).toBe(true)
    expect(menu[5]!.items[0]!.url).toBe('/subpackages/committee/pages/grievances/index?villageId=42')
    expect(menu[5]!.items[1]!.url).toBe('/subpackages/committee/pages/content-review/index?villageId=42')
    expect(menu[5]!.items[2]!.url).toBe('/subpackages/deliberation/pages/list/index?villageId=42')
    expect(menu[5]!.items[3]!.url).toBe('/subpackages/village-rules/pages/manage/index?villageId=42')
    expect(menu[5]!.items[4]!.url).toBe('/subpackages/committee/pages/certificates/index?villageId=42')
    expect(menu[5]!.items[6]!.url).toBe('/subpackages/committee/pages/verifications/index?villageId=42')
    expect(menu[5]!.items[2]!.title).toBe('议事（四议两公开）')
  })

  it('gives a 网格员 what is handed to them, their grid and 代办, and none of the committee’s tools', () => {
    const menu = buildServiceMenu({
      verified: true,
      verificationPending: false,
      membership: membership({ orgId: 42, orgName: '幸福村', roles: ['resident', 'grid_worker'] }),
    })
    const bench = menu.find((s) => s.title === '村委工作台 · 幸福村')
    expect(bench?.items.map((i) => [i.key, i.url])).toEqual([
      ['gridAssigned', '/subpackages/grid/pages/assigned/index?villageId=42'],
      ['gridMine', '/subpackages/grid/pages/mine/index?villageId=42'],
      ['proxy', '/subpackages/committee/pages/proxy/index?villageId=42'],
      ['serviceQueue', '/subpackages/service/pages/queue/index?villageId=42'],
    ])
  })

  it('names the urban procedure on a community committee member’s 议事 entry', () => {
    const menu = buildServiceMenu({
      verified: true,
      verificationPending: false,
      membership: membership({
        orgId: 7,
        orgName: '新华社区',
        orgKind: 'community',
        roles: ['resident', 'committee_member'],
      }),
    })
    const bench = menu.flatMap((s) => s.items).find((i) => i.key === 'deliberationsBench')
    expect(bench?.title).toBe('议事（一征三议两公开）')
    // 村规民约 is the villages' (Art 27): a community has no such entry
    const keysOf = menu.flatMap((s) => s.items).map((i) => i.key)
    expect(keysOf).not.toContain('villageRules')
    expect(keysOf).not.toContain('villageRulesBench')
  })

  it('gives a township official 乡镇督办 for their township, and no village entries', () => {
    const menu = buildServiceMenu({
      verified: false,
      verificationPending: false,
      membership: membership({
        orgId: 7,
        orgName: '柳林镇',
        orgKind: 'township',
        roles: ['township_official'],
      }),
    })
    expect(menu.map((s) => s.title)).toEqual(['我的事', '乡镇督办 · 柳林镇'])
    expect(menu[1]!.items).toEqual([
      expect.objectContaining({
        key: 'townshipGrievances',
        title: '村民说事督办',
        url: '/subpackages/township/pages/grievances/index?townshipId=7',
      }),
      expect.objectContaining({
        key: 'townshipCertificateStats',
        title: '证明统计',
        url: '/subpackages/township/pages/certificate-stats/index?townshipId=7',
      }),
      expect.objectContaining({
        key: 'townshipNotices',
        title: '村务公开督办',
        url: '/subpackages/township/pages/notices/index?townshipId=7',
      }),
      expect.objectContaining({
        key: 'townshipVillageRules',
        title: '村规民约备案',
        url: '/subpackages/village-rules/pages/filings/index?townshipId=7',
      }),
      expect.objectContaining({
        key: 'townshipServiceStats',
        title: '便民服务统计',
        url: '/subpackages/service/pages/stats/index?townshipId=7',
      }),
      expect.objectContaining({
        key: 'townshipServiceCatalogue',
        title: '便民服务目录',
        url: '/subpackages/service/pages/catalogue-edit/index?townshipId=7',
      }),
      expect.objectContaining({
        key: 'townshipCadreReviews',
        title: '各村民主评议',
        url: '/subpackages/township/pages/cadre-reviews/index?townshipId=7',
      }),
    ])
  })

  it('gives a supervisor the oversight entries, 用印登记 included, without 认证审核 or 证明审批', () => {
    const menu = buildServiceMenu({
      verified: true,
      verificationPending: false,
      membership: membership({ roles: ['supervisor'] }),
    })
    expect(keys(menu)).toEqual([
      'grievanceRaise',
      'grievanceMine',
      'grievanceWall',
      'certificateCatalogue',
      'certificateMine',
      'deliberations',
      'petitions',
      'villageRules',
      'cadreReviews',
      'polls',
      'activities',
      'points',
      'serviceCatalogue',
      'serviceMine',
      'inbox',
      'sealRegister',
      'roster',
      'roles',
      'audit',
      'notices',
    ])
    expect(menu[5]!.items.find((i) => i.key === 'roster')!.description).toBe('查看村民名单')
    expect(menu[5]!.items.find((i) => i.key === 'notices')!.description).toMatch(/审核公告/)
  })
})
