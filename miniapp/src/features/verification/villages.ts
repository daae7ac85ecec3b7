import type { OrgView } from '@xiangli/shared'

export interface VillageGroup {
  /** the township or street; villages without one are listed under 其他 */
  title: string
  villages: OrgView[]
}

/** Villages grouped by township for the picker, filtered by what the person typed. */
export function groupVillages(villages: readonly OrgView[], query = ''): VillageGroup[] {
  const q = query.trim()
  const groups = new Map<string, OrgView[]>()
  for (const v of villages) {
    if (q && !v.name.includes(q) && !(v.parentName ?? '').includes(q)) continue
    const title = v.parentName ?? '其他'
    const list = groups.get(title) ?? []
    list.push(v)
    groups.set(title, list)
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN')
  return [...groups.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([title, list]) => ({ title, villages: [...list].sort((a, b) => byName(a.name, b.name)) }))
}
