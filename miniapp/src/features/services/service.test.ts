import type { ServiceStats } from '@xiangli/shared'
import { blankDraft, checkEdit, checkNew } from './catalogueForm'
import { averageText, byVillage, handoffBody, handoffButton, queueQuery, timeLimitText } from './service'

describe('便民服务 on the phone', () => {
  it('says a time limit in working or calendar days', () => {
    expect(timeLimitText({ timeLimitDays: 15, dayKind: 'working' })).toBe('15 个工作日')
    expect(timeLimitText({ timeLimitDays: 10, dayKind: 'calendar' })).toBe('10 天')
  })

  it('turns the queue filter into the query the server takes', () => {
    expect(queueQuery('open')).toEqual({})
    expect(queueQuery('overdue')).toEqual({ overdue: 'true' })
    expect(queueQuery('submitted')).toEqual({ state: 'submitted' })
  })

  it('asks for the receiving person before papers are recorded as handed over', () => {
    expect(handoffBody('hand_over', { office: '', receiver: ' ', note: '' }, null)).toEqual({
      ok: false,
      problem: '请填写办理单位的接收人',
    })
    expect(handoffBody('hand_over', { office: '乡镇社会事务办', receiver: '陈会计', note: '' }, 7)).toEqual({
      ok: true,
      body: { kind: 'hand_over', office: '乡镇社会事务办', receiver: '陈会计', note: '', photoId: 7 },
    })
    expect(handoffBody('accept', { office: 'x', receiver: 'y', note: ' 齐全 ' }, null)).toEqual({
      ok: true,
      body: { kind: 'accept', note: '齐全', photoId: null },
    })
  })

  it('names the buttons as staff say them', () => {
    expect(handoffButton('accept', 'forward')).toBe('登记：材料已收取')
    expect(handoffButton('receive_result', 'desk')).toBe('登记：已办好')
    expect(handoffButton('deliver', 'forward')).toBe('登记：已送达本人')
  })

  it('groups the township’s rows by village with totals', () => {
    const stats: ServiceStats = {
      townshipId: 1,
      year: 2026,
      rows: [
        {
          villageId: 2,
          villageName: '柳林村',
          itemCode: 'a',
          itemName: 'A',
          requested: 3,
          done: 1,
          overdue: 1,
          averageDays: 2,
        },
        {
          villageId: 2,
          villageName: '柳林村',
          itemCode: 'b',
          itemName: 'B',
          requested: 2,
          done: 2,
          overdue: 0,
          averageDays: 1.5,
        },
        {
          villageId: 3,
          villageName: '新华社区',
          itemCode: 'a',
          itemName: 'A',
          requested: 1,
          done: 0,
          overdue: 0,
          averageDays: null,
        },
      ],
    }
    expect(
      byVillage(stats).map((v) => [v.villageName, v.requested, v.done, v.overdue, v.rows.length]),
    ).toEqual([
      ['柳林村', 5, 3, 1, 2],
      ['新华社区', 1, 0, 0, 1],
    ])
    expect(averageText(null)).toBe('—')
    expect(averageText(1.5)).toBe('1.5 天')
  })
})

describe('the township’s catalogue form', () => {
  const draft = {
    ...blankDraft(),
    code: 'farm_subsidy',
    name: '耕地地力保护补贴登记',
    office: '乡镇农业综合服务中心',
    materials: '户主身份证\n\n 土地承包经营权证 \n',
  }

  it('sends one material a line, blank lines dropped, and the time limit as a number', () => {
    expect(checkNew(draft)).toEqual({
      ok: true,
      body: expect.objectContaining({
        code: 'farm_subsidy',
        materials: ['户主身份证', '土地承包经营权证'],
        timeLimitDays: 15,
      }),
    })
  })

  it('says what is wrong in words', () => {
    expect(checkEdit({ ...draft, timeLimitDays: '十五' })).toEqual({ ok: false, problem: '办理时限请填数字' })
    expect(checkEdit({ ...draft, materials: '' })).toEqual({ ok: false, problem: '至少列出一样要带的材料' })
    expect(checkNew({ ...draft, code: '补贴' })).toEqual({
      ok: false,
      problem: '事项编号只能用小写字母、数字和下划线，字母开头',
    })
  })
})
