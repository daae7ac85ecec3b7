import { village } from '@/test/factories'
import { groupVillages } from './villages'

describe('groupVillages', () => {
  const all = [
    village({ id: 1, name: '幸福村', parentName: '青山镇' }),
    village({ id: 2, name: '和平社区', kind: 'community', parentName: '城关街道' }),
    village({ id: 3, name: '东坡村', parentName: '青山镇' }),
    village({ id: 4, name: '新建村', parentName: null }),
  ]

  it('groups villages under their township', () => {
    const groups = groupVillages(all)
    expect(groups.map((g) => g.title).sort()).toEqual(['其他', '城关街道', '青山镇'].sort())
    expect(
      groups
        .find((g) => g.title === '青山镇')!
        .villages.map((v) => v.id)
        .sort(),
    ).toEqual([1, 3])
  })

  it('finds villages by their own name or their township', () => {
    expect(groupVillages(all, '幸福').flatMap((g) => g.villages.map((v) => v.id))).toEqual([1])
    expect(
      groupVillages(all, '青山')
        .flatMap((g) => g.villages.map((v) => v.id))
        .sort(),
    ).toEqual([1, 3])
  })

  it('is empty when nothing matches', () => {
    expect(groupVillages(all, '不存在')).toEqual([])
  })
})
