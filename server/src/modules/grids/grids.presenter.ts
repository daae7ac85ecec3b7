import type { GridHouseholdView, GridView } from '@xiangli/shared'
import type { HouseholdSheet } from '../roster/roster-directory'
import type { GridWorker } from './entities/grid-worker.entity'
import type { Grid } from './entities/grid.entity'

export const presentGrid = (
  g: Grid,
  c: { workers: GridWorker[]; names: Map<number, string>; householdCount: number },
): GridView => ({
  id: g.id,
  name: g.name,
  workers: c.workers
    .filter((w) => w.gridId === g.id)
    .map((w) => ({ residentId: w.residentId, name: c.names.get(w.residentId) ?? '' })),
  householdCount: c.householdCount,
})

export const presentHousehold = (
  h: HouseholdSheet,
  grid: Pick<Grid, 'id' | 'name'> | undefined,
  groupNames: ReadonlyMap<number, string>,
): GridHouseholdView => ({
  id: h.id,
  code: h.code,
  address: h.address,
  groupId: h.groupId,
  groupName: h.groupId !== null ? (groupNames.get(h.groupId) ?? null) : null,
  gridId: grid?.id ?? null,
  gridName: grid?.name ?? null,
  members: h.members,
})
