import { DEFAULT_POINTS_RULES } from '@xiangli/shared'
import {
  affordable,
  checkRulesForm,
  checkShopItem,
  entryDay,
  entryHeadline,
  pointsPage,
  rulesChanged,
  rulesForm,
  signed,
} from './points'

describe('the points pages', () => {
  it('link to the subpackage with the village', () => {
    expect(pointsPage('home', 42)).toBe('/subpackages/points/pages/home/index?villageId=42')
    expect(pointsPage('desk', 42)).toBe('/subpackages/points/pages/desk/index?villageId=42')
  })

  it('say an entry with its sign, what earned it and its day', () => {
    expect(signed(5)).toBe('+5')
    expect(signed(-12)).toBe('-12')
    expect(entryHeadline({ kind: 'meeting_attendance', personName: '王秀英' })).toBe('参加会议 · 王秀英')
    expect(entryHeadline({ kind: 'redemption', personName: null })).toBe('积分兑换')
    expect(entryDay('2026-12-05T17:00:00.000Z')).toBe('2026-12-06')
  })
})

describe('the rules form', () => {
  it('starts from the published rules and checks whole numbers from 0 to 100', () => {
    const f = rulesForm(DEFAULT_POINTS_RULES)
    expect(checkRulesForm(f)).toEqual({ ok: true, value: DEFAULT_POINTS_RULES })
    expect(rulesChanged(f, DEFAULT_POINTS_RULES)).toBe(false)
    expect(rulesChanged({ ...f, opinion: '4' }, DEFAULT_POINTS_RULES)).toBe(true)
    expect(rulesChanged(f, null)).toBe(true)
    const bad = checkRulesForm({ ...f, opinion: '2.5', manual: '101' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.errors.opinion).toBe('请填 0 到 100 的整数')
      expect(bad.errors.manual).toMatch(/不能超过 100/)
    }
  })
})

describe('the shop', () => {
  it('checks a new item and what a household can redeem', () => {
    expect(checkShopItem({ name: ' 肥皂 ', cost: '12', stock: '3' })).toEqual({
      ok: true,
      value: { name: '肥皂', cost: 12, stock: 3 },
    })
    expect(checkShopItem({ name: '肥皂', cost: '十', stock: '3' })).toEqual({
      ok: false,
      error: '所需积分请填整数',
    })
    expect(checkShopItem({ name: '', cost: '1', stock: '3' })).toEqual({ ok: false, error: '请填写物品名称' })
    expect(affordable(20, { cost: 12, stock: 1, active: true })).toBe(true)
    expect(affordable(10, { cost: 12, stock: 1, active: true })).toBe(false)
    expect(affordable(20, { cost: 12, stock: 0, active: true })).toBe(false)
    expect(affordable(20, { cost: 12, stock: 1, active: false })).toBe(false)
  })
})
