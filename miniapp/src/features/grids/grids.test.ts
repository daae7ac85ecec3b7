import { collectable, groupsOf, householdLine, toggle } from './grids'
import type { GridHouseholdView } from '@xiangli/shared'

const household = (o: Partial<GridHouseholdView> = {}): GridHouseholdView => ({
  id: 1,
  code: '003',
  address: '一组 6 号',
  groupId: 5,
  groupName: '一组',
  gridId: null,
  gridName: null,
  members: [],
  ...o,
})

describe('grids', () => {
  it('names a household by 户号, group and address, leaving out what is missing', () => {
    expect(householdLine(household())).toBe('户号 003 · 一组 · 一组 6 号')
    expect(householdLine(household({ groupName: null, address: null }))).toBe('户号 003')
  })

  it('offers every person of the grid for 民情收集, with their 户号', () => {
    const h = household({
      members: [
        { id: 9, name: '张丽', sex: 'female', age: 47, phone: null, isHouseholdHead: true, linked: true },
        { id: 10, name: '陈志强', sex: 'male', age: 49, phone: null, isHouseholdHead: false, linked: false },
      ],
    })
    expect(collectable([h])).toEqual([
      { value: 9, label: '张丽（003）' },
      { value: 10, label: '陈志强（003）' },
    ])
  })

  it('picks and unpicks, keeping the order of picking', () => {
    expect(toggle([3, 1], 2)).toEqual([3, 1, 2])
    expect(toggle([3, 1, 2], 1)).toEqual([3, 2])
  })

  it('lists each villager group once for putting whole groups into a grid', () => {
    expect(
      groupsOf([
        household({ id: 1 }),
        household({ id: 2 }),
        household({ id: 3, groupId: 6, groupName: '二组' }),
        household({ id: 4, groupId: null, groupName: null }),
      ]),
    ).toEqual([
      { value: 5, label: '一组' },
      { value: 6, label: '二组' },
    ])
  })
})
