import { ERRORS } from './errors'
import {
  DEFAULT_POINTS_RULES,
  manualAwardRule,
  manualAwardSchema,
  pointsBalance,
  pointsFor,
  pointsRulesSchema,
  pointsSourceKey,
  rankHouseholds,
  redemptionRule,
  redemptionSchema,
  shopItemSchema,
  usefulIssueRule,
} from './points'

const rules = { ...DEFAULT_POINTS_RULES }

describe('the published points rules', () => {
  it('take a whole number from 0 to 100 for every kind', () => {
    expect(pointsRulesSchema.parse({ points: rules }).points).toEqual(rules)
    expect(pointsRulesSchema.safeParse({ points: { ...rules, opinion: 2.5 } }).success).toBe(false)
    expect(pointsRulesSchema.safeParse({ points: { ...rules, opinion: -1 } }).success).toBe(false)
    expect(pointsRulesSchema.safeParse({ points: { ...rules, manual: 101 } }).success).toBe(false)
    const { opinion: _, ...missing } = rules
    expect(pointsRulesSchema.safeParse({ points: missing }).success).toBe(false)
  })

  it('give a meeting, an opinion window and a useful issue their points, volunteering per whole hour', () => {
    expect(pointsFor(rules, 'meeting_attendance')).toBe(5)
    expect(pointsFor(rules, 'opinion')).toBe(3)
    expect(pointsFor(rules, 'useful_issue')).toBe(10)
    expect(pointsFor(rules, 'volunteering', 3)).toBe(6)
    expect(pointsFor(rules, 'volunteering', 1.5)).toBe(0)
    expect(pointsFor(rules, 'volunteering', 0)).toBe(0)
    expect(pointsFor(rules, 'volunteering', 25)).toBe(0)
  })

  it('bound a manual award by the published cap', () => {
    expect(manualAwardRule(20, rules)).toBeNull()
    expect(manualAwardRule(21, rules)).toBe('POINTS_MANUAL_OVER_CAP')
    expect(manualAwardRule(1, { ...rules, manual: 0 })).toBe('POINTS_MANUAL_OVER_CAP')
    expect(manualAwardSchema.safeParse({ householdId: 1, points: 5, reason: '  ' }).success).toBe(false)
    expect(manualAwardSchema.parse({ householdId: 1, points: 5, reason: ' 帮助 孤寡老人 ' }).reason).toBe(
      '帮助 孤寡老人',
    )
  })
})

describe('the balance and the shop', () => {
  it('adds awards and subtracts redemptions, integers only', () => {
    expect(pointsBalance([])).toBe(0)
    expect(pointsBalance([{ points: 5 }, { points: 10 }, { points: -12 }])).toBe(3)
  })

  it('refuses a redemption the balance does not cover, the stock does not hold, or of an item taken off', () => {
    const item = { cost: 10, stock: 2, active: true }
    expect(redemptionRule(10, item, 1)).toBeNull()
    expect(redemptionRule(9, item, 1)).toBe('POINTS_BALANCE_SHORT')
    expect(redemptionRule(20, item, 2)).toBeNull()
    expect(redemptionRule(100, item, 3)).toBe('POINTS_OUT_OF_STOCK')
    expect(redemptionRule(100, { ...item, active: false }, 1)).toBe('POINTS_ITEM_UNAVAILABLE')
  })

  it('takes a shop item with a name, a whole cost and a stock, and one item by default at the desk', () => {
    expect(shopItemSchema.parse({ name: ' 洗衣粉 ', cost: 20, stock: 5 })).toEqual({
      name: '洗衣粉',
      cost: 20,
      stock: 5,
    })
    expect(shopItemSchema.safeParse({ name: '洗衣粉', cost: 0, stock: 5 }).success).toBe(false)
    expect(redemptionSchema.parse({ householdId: 1, itemId: 2 }).quantity).toBe(1)
  })
})

describe('what earned an entry', () => {
  it('keys one source once per person, or per household when no person is named', () => {
    const a = pointsSourceKey({
      kind: 'meeting_attendance',
      sourceType: 'meeting',
      sourceId: 7,
      residentId: 3,
    })
    const b = pointsSourceKey({
      kind: 'meeting_attendance',
      sourceType: 'meeting',
      sourceId: 7,
      residentId: 4,
    })
    const c = pointsSourceKey({
      kind: 'useful_issue',
      sourceType: 'grievance',
      sourceId: 7,
      residentId: null,
    })
    expect(new Set([a, b, c]).size).toBe(3)
    expect(a).toBe(
      pointsSourceKey({ kind: 'meeting_attendance', sourceType: 'meeting', sourceId: 7, residentId: 3 }),
    )
  })

  it('marks an issue useful only once it is answered', () => {
    expect(usefulIssueRule('answered')).toBeNull()
    expect(usefulIssueRule('closed')).toBeNull()
    expect(usefulIssueRule('assigned')).toBe('POINTS_ISSUE_NOT_ANSWERED')
  })
})

describe('the public ranking', () => {
  it('lists households with points, most first, equal points sharing a rank, names masked', () => {
    const ranked = rankHouseholds([
      { householdId: 1, headName: '王秀英', points: 20 },
      { householdId: 2, headName: '李四', points: 30 },
      { householdId: 3, headName: '张三', points: 20 },
      { householdId: 4, headName: '赵六', points: 0 },
      { householdId: 5, headName: null, points: 5 },
    ])
    expect(ranked).toEqual([
      { rank: 1, householdId: 2, name: '李*', points: 30 },
      { rank: 2, householdId: 3, name: '张*', points: 20 },
      { rank: 2, householdId: 1, name: '王*英', points: 20 },
      { rank: 4, householdId: 5, name: '户主未登记', points: 5 },
    ])
  })
})

describe('the refusals', () => {
  it('every POINTS_ code has a plain message and a 4xx status', () => {
    for (const [code, info] of Object.entries(ERRORS).filter(([c]) => c.startsWith('POINTS_'))) {
      expect(info.status >= 400 && info.status < 500).toBe(true)
      expect(info.message.length).toBeGreaterThan(5)
      expect(code).toMatch(/^POINTS_[A-Z_]+$/)
    }
  })
})
