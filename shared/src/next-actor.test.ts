import { startDeliberation, type DeliberationState } from './deliberation'
import { nextActor, type RoleHolder } from './next-actor'
import { buildProcedure } from './procedure'

const RURAL = buildProcedure({ procedureVariant: 'siyi_liang_gongkai', yijiantiao: false })
const HOLDERS: RoleHolder[] = [
  { name: '李建华', role: 'party_secretary' },
  { name: '李建华', role: 'committee_member' },
  { name: '张丽', role: 'committee_member' },
  { name: '刘强', role: 'committee_member' },
  { name: '赵国强', role: 'supervisor' },
]
const at = (
  step: DeliberationState['step'],
  phase: DeliberationState['phase'],
  over: Partial<DeliberationState> = {},
) => ({
  ...startDeliberation(RURAL),
  step,
  phase,
  ...over,
})

describe('who acts next', () => {
  it('names the party secretary for 提议', () => {
    expect(nextActor(RURAL, startDeliberation(RURAL), HOLDERS)).toEqual({
      action: '提议',
      roles: ['party_secretary'],
      names: ['李建华'],
      text: '等待党组织书记 李建华 提议',
    })
  })

  it('names each cadre once for 商议, under the first post they hold', () => {
    expect(nextActor(RURAL, at('consult', 'pending'), HOLDERS)!.text).toBe(
      '等待党组织书记 李建华 或 村（居）委会成员 张丽、刘强 召开两委联席会议',
    )
  })

  it('says what the step waits for in each phase', () => {
    expect(nextActor(RURAL, at('decide', 'pending'), HOLDERS)!.action).toBe('召开村民会议或村民代表会议')
    expect(nextActor(RURAL, at('review', 'scheduled'), HOLDERS)!.action).toBe('按通知的时间开始会议')
    expect(nextActor(RURAL, at('review', 'in_session'), HOLDERS)!.action).toBe('结束表决')
    expect(nextActor(RURAL, at('publish_results', 'pending', { status: 'adopted' }), HOLDERS)!.action).toBe(
      '公开实施结果',
    )
  })

  it('waits for a supervisor while the meeting leans on an unconfirmed paper notice', () => {
    expect(nextActor(RURAL, at('decide', 'scheduled'), HOLDERS, { awaitingPaperNotice: true })).toMatchObject(
      {
        roles: ['supervisor'],
        text: '等待监督委员会成员 赵国强 确认纸质通知',
      },
    )
  })

  it('says so when nobody holds the post', () => {
    expect(nextActor(RURAL, startDeliberation(RURAL), [])!.text).toBe(
      '等待党组织书记提议（还没有登记担任这个职务的人）',
    )
  })

  it('has nobody to wait for once the deliberation ended', () => {
    expect(nextActor(RURAL, at('decide', 'done', { status: 'not_adopted' }), HOLDERS)).toBeNull()
  })
})
