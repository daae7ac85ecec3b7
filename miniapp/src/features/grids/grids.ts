import type { GridHouseholdView, GridMemberView } from '@xiangli/shared'

/** 户号 003 · 一组 · 一组 6 号: how a household is named in a list. */
export const householdLine = (h: Pick<GridHouseholdView, 'code' | 'groupName' | 'address'>): string =>
  [`户号 ${h.code}`, h.groupName, h.address].filter(Boolean).join(' · ')

/** The people a 网格员 may name in 民情收集: everyone of the grid, household by household, heads first. */
export function collectable(
  households: readonly Pick<GridHouseholdView, 'code' | 'members'>[],
): { value: number; label: string }[] {
  return households.flatMap((h) =>
    h.members.map((p: GridMemberView) => ({ value: p.id, label: `${p.name}（${h.code}）` })),
  )
}

/** Adds or removes one person from a choice, keeping the order they were picked in. */
export const toggle = (ids: readonly number[], id: number): number[] =>
  ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]

/** The villager groups of the households, each once, in the order met, for putting whole groups in. */
export function groupsOf(households: readonly GridHouseholdView[]): { value: number; label: string }[] {
  const groups = new Map<number, string>()
  for (const h of households) if (h.groupId !== null) groups.set(h.groupId, h.groupName ?? '')
  return [...groups.entries()].map(([value, label]) => ({ value, label }))
}
