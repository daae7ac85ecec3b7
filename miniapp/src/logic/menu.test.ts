import { membership } from '@/test/factories'
import { buildServiceMenu } from './menu'

const keys = (sections: ReturnType<typeof buildServiceMenu>) =>
  sections.flatMap((s) => s.items.map((i) => i.key))

describe('buildServiceMenu', () => {
  it('offers 实名认证 and messages to a person who is not verified', () => {
    const menu = buildServiceMenu({ verified: false, verificationPending: false, membership: null })
    expect(keys(menu)).toEqual(['verify', 'inbox'])
  })

  it('says a pending verification is waiting for the committee', () => {
    const [mine] = buildServiceMenu({ verified: false, verificationPending: true, membership: null })
    expect(mine!.items[0]).toMatchObject({ key: 'verify', description: '已提交，等待村委会确认' })
  })

  it('offers a verified resident only what works today: messages', () => {
    expect(
      keys(buildServiceMenu({ verified: true, verificationPending: false, membership: membership() })),
    ).toEqual(['inbox'])
  })

  it('adds the whole 村委工作台 for a committee member, linked to their village', () => {
    const menu = buildServiceMenu({
      verified: true,
      verificationPending: false,
      membership: membership({ orgId: 42, orgName: '幸福村', roles: ['resident', 'committee_member'] }),
    })
    expect(menu[1]!.title).toBe('村委工作台 · 幸福村')
    expect(keys(menu)).toEqual(['inbox', 'verifications', 'roster', 'roles', 'audit'])
    expect(menu[1]!.items.every((i) => i.url.endsWith('?villageId=42'))).toBe(true)
    expect(menu[1]!.items[0]!.url).toBe('/subpackages/committee/pages/verifications/index?villageId=42')
  })

  it('gives a supervisor the oversight entries without 认证审核', () => {
    const menu = buildServiceMenu({
      verified: true,
      verificationPending: false,
      membership: membership({ roles: ['supervisor'] }),
    })
    expect(keys(menu)).toEqual(['inbox', 'roster', 'roles', 'audit'])
    expect(menu[1]!.items.find((i) => i.key === 'roster')!.description).toBe('查看村民名单')
  })
})
