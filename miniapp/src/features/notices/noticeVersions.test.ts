import type { FinanceLine } from '@xiangli/shared'
import { changeSummary, versionChanges, type ComparableVersion } from './noticeVersions'

const line = (kind: FinanceLine['kind'], item: string, amountFen: number, note?: string): FinanceLine => ({
  kind,
  item,
  amountFen,
  ...(note ? { note } : {}),
})

const v1: ComparableVersion = {
  title: '2026年10月财务公开',
  body: '本月收支如下。',
  lines: [
    line('income', '上级补助', 500000),
    line('expense', '村道修缮', 320000),
    line('expense', '路灯电费', 12050),
  ],
  totals: { totalIncomeFen: 500000, totalExpenseFen: 332050 },
  attachments: [{ fileId: 1 }],
}

describe('versionChanges', () => {
  it('finds nothing between equal versions', () => {
    expect(versionChanges(v1, { ...v1, lines: [...v1.lines] })).toEqual([])
  })

  it('names a changed amount with both values', () => {
    const v2 = {
      ...v1,
      lines: [v1.lines[0]!, line('expense', '村道修缮', 302000), v1.lines[2]!],
      totals: { totalIncomeFen: 500000, totalExpenseFen: 314050 },
    }
    expect(versionChanges(v1, v2)).toEqual([
      '支出“村道修缮” ¥3,200.00 → ¥3,020.00',
      '支出合计 ¥3,320.50 → ¥3,140.50',
    ])
  })

  it('names added and removed lines, a new title, the body and attachments', () => {
    const v2: ComparableVersion = {
      title: '2026年10月财务公开（更正）',
      body: '本月收支如下，更正了一笔。',
      lines: [v1.lines[0]!, v1.lines[1]!, line('income', '集体土地租金', 80000)],
      totals: { totalIncomeFen: 580000, totalExpenseFen: 320000 },
      attachments: [{ fileId: 2 }, { fileId: 3 }],
    }
    expect(versionChanges(v1, v2)).toEqual([
      '标题改为“2026年10月财务公开（更正）”',
      '新增收入“集体土地租金” ¥800.00',
      '删去支出“路灯电费” ¥120.50',
      '收入合计 ¥5,000.00 → ¥5,800.00',
      '支出合计 ¥3,320.50 → ¥3,200.00',
      '正文有改动',
      '新增附件 2 个',
      '删去附件 1 个',
    ])
  })

  it('tells an income line from an expense line of the same name', () => {
    const before = { ...v1, lines: [line('income', '其他', 100)], totals: null }
    const after = { ...v1, lines: [line('expense', '其他', 100)], totals: null }
    expect(versionChanges(before, after)).toEqual(['新增支出“其他” ¥1.00', '删去收入“其他” ¥1.00'])
  })

  it('notices a changed note', () => {
    const after = {
      ...v1,
      lines: [v1.lines[0]!, line('expense', '村道修缮', 320000, '含材料费'), v1.lines[2]!],
    }
    expect(versionChanges(v1, after)).toEqual(['支出“村道修缮”的备注有改动'])
  })
})

describe('changeSummary', () => {
  it('joins the first changes and counts the rest', () => {
    expect(changeSummary([])).toBe('内容没有变化')
    expect(changeSummary(['a', 'b'])).toBe('a；b')
    expect(changeSummary(['a', 'b', 'c', 'd'], 2)).toBe('a；b；等 4 处改动')
  })
})
