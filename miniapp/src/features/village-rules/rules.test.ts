import { lineDiff } from '@xiangli/shared'
import { diffSummary, toneOf, versionLabel } from './rules'

describe('村规民约 pages', () => {
  it('labels a version with its kind, number and status', () => {
    expect(versionLabel({ kind: 'village_rules', number: 2, status: 'adopted' })).toBe(
      '村规民约 第 2 版 · 现行有效',
    )
    expect(versionLabel({ kind: 'charter', number: 1, status: 'draft' })).toBe('村民自治章程 第 1 版 · 草稿')
  })
  it('says what an amendment changed in words', () => {
    expect(diffSummary(lineDiff('', '甲'), null)).toBe('这是第一版，全文都是新订的。')
    expect(diffSummary(lineDiff('甲\n乙', '甲\n丙\n丁'), 1)).toBe(
      '与第 1 版相比：新增 2 行，删去 1 行（修改一条算删去旧的、新增新的）。',
    )
    expect(diffSummary(lineDiff('甲', '甲'), 3)).toBe('与第 3 版相比没有改动。')
  })
  it('shows versions no longer in force as stopped', () => {
    expect(toneOf('superseded')).toBe('stopped')
    expect(toneOf('in_adoption')).toBe('working')
  })
})
