import type { DataDeletionView, MyDataExport } from '@xiangli/shared'
import { canAskDeletion, deletionLine, summarise } from './myData'

const held: MyDataExport = {
  exportedAt: '2026-12-06T10:00:00.000Z',
  accountId: 2,
  retained: [],
  sections: {
    account: { displayName: '王秀英', wechatLinked: true, sessions: [{}, {}] },
    roster: [{ name: '王秀英' }],
    verifications: [],
    grievances: { raised: [{}, {}], supported: [{}] },
    certificates: [{}],
    objections: [],
    deliberations: { opinions: [{}], petitionsStarted: [], petitionsSigned: [{}, {}] },
    polls: [{}],
    inbox: { messages: [{}, {}, {}] },
    points: [{}, {}],
    consents: [{}],
  },
}

const deletion = (o: Partial<DataDeletionView>): DataDeletionView => ({
  id: 1,
  accountId: 2,
  state: 'pending',
  requestedAt: '2026-12-05T08:00:00.000Z',
  processedAt: null,
  outcome: null,
  ...o,
})

describe('我的数据 at a glance', () => {
  it('counts each kind of record the person has', () => {
    const lines = Object.fromEntries(summarise(held).map((l) => [l.label, l.detail]))
    expect(lines).toMatchObject({
      账号: '王秀英，已关联微信',
      登录记录: '2 次',
      名册中的我: '王秀英',
      反映的问题: '2 条，“+1” 1 次',
      证明申请: '1 条',
      联名提议: '发起 0 个，签名 2 个',
      回答过的问卷: '1 份（只记录回答过，不记录选了什么）',
      参加村务得的积分: '2 条',
      站内消息: '3 条',
    })
  })

  it('says a person with no roster line has none, and survives sections that are missing', () => {
    const lines = summarise({ ...held, sections: { account: { displayName: '刘小满' } } })
    expect(lines.find((l) => l.label === '名册中的我')!.detail).toBe('没有关联')
    expect(lines.find((l) => l.label === '证明申请')!.detail).toBe('0 条')
  })

  it('tells where a deletion request stands, and allows no second while one waits', () => {
    expect(deletionLine(null)).toBeNull()
    expect(deletionLine(deletion({}))).toBe('已于 2026-12-05 申请删除，正在等待系统管理员处理')
    expect(deletionLine(deletion({ state: 'done', processedAt: '2026-12-06T09:00:00.000Z' }))).toBe(
      '删除申请已于 2026-12-06 处理完毕',
    )
    expect(canAskDeletion(deletion({}))).toBe(false)
    expect(canAskDeletion(deletion({ state: 'done' }))).toBe(true)
    expect(canAskDeletion(null)).toBe(true)
  })
})
