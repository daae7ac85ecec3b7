import type { OrgView, VillageView } from '@xiangli/shared'
import type { Org } from './entities/org.entity'

/** Organisations with the name of the one above each (a village's township), for display. */
export function presentOrgs(orgs: Org[], parents: Pick<Org, 'id' | 'name'>[]): OrgView[] {
  const names = new Map(parents.map((p) => [p.id, p.name]))
  return orgs.map((o) => ({
    id: o.id,
    kind: o.kind,
    name: o.name,
    code: o.code,
    parentId: o.parentId,
    parentName: o.parentId === null ? null : (names.get(o.parentId) ?? null),
  }))
}

/** A village's profile: what it is, its settings, how many households and people, its groups. */
export const presentVillage = (
  view: OrgView,
  village: Org,
  counts: { households: number; residents: number },
  groups: Pick<Org, 'id' | 'name'>[],
): VillageView => ({
  ...view,
  settings: village.settings!,
  householdCount: counts.households,
  residentCount: counts.residents,
  groups: groups.map((g) => ({ id: g.id, name: g.name })),
})
