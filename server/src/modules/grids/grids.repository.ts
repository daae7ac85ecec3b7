import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import { GridHousehold } from './entities/grid-household.entity'
import { GridWorker } from './entities/grid-worker.entity'
import { Grid } from './entities/grid.entity'

/** how many rows one INSERT carries */
const CHUNK = 200

/** Every query of grids: the grids, their workers and the households in them. */
@Injectable()
export class GridsRepository {
  constructor(private readonly ds: DataSource) {}

  // ---------- grids ----------

  inVillage(villageId: number): Promise<Grid[]> {
    return this.ds.getRepository(Grid).find({ where: { villageId }, order: { name: 'ASC', id: 'ASC' } })
  }

  find(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Grid | null> {
    return m.getRepository(Grid).findOneBy({ villageId, id })
  }

  /** A new grid; a name the village already uses is a unique violation. */
  insert(m: EntityManager, villageId: number, name: string): Promise<Grid> {
    return m.getRepository(Grid).save({ villageId, name })
  }

  async rename(m: EntityManager, id: number, name: string): Promise<void> {
    await m.getRepository(Grid).update({ id }, { name })
  }

  // ---------- workers ----------

  /** The workers of these grids. */
  workersOf(gridIds: number[], m: EntityManager = this.ds.manager): Promise<GridWorker[]> {
    if (gridIds.length === 0) return Promise.resolve([])
    return m.getRepository(GridWorker).find({ where: { gridId: In(gridIds) }, order: { id: 'ASC' } })
  }

  /** The grids this roster person looks after in the village. */
  async gridsOfWorker(
    villageId: number,
    residentId: number,
    m: EntityManager = this.ds.manager,
  ): Promise<number[]> {
    const rows = await m.getRepository(GridWorker).findBy({ villageId, residentId })
    return rows.map((r) => r.gridId)
  }

  /** Adds a worker; false when they already look after the grid. */
  async addWorker(m: EntityManager, villageId: number, gridId: number, residentId: number): Promise<boolean> {
    if (await m.getRepository(GridWorker).existsBy({ gridId, residentId })) return false
    await m.getRepository(GridWorker).insert({ villageId, gridId, residentId })
    return true
  }

  /** Removes a worker; false when they did not look after the grid. */
  async removeWorker(m: EntityManager, gridId: number, residentId: number): Promise<boolean> {
    const r = await m.getRepository(GridWorker).delete({ gridId, residentId })
    return (r.affected ?? 0) > 0
  }

  // ---------- households ----------

  /** How many households each of these grids holds. */
  async householdCounts(gridIds: number[]): Promise<Map<number, number>> {
    if (gridIds.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(GridHousehold)
      .createQueryBuilder('gh')
      .select('gh.gridId', 'gridId')
      .addSelect('COUNT(*)', 'n')
      .where('gh.gridId IN (:...ids)', { ids: gridIds })
      .groupBy('gh.gridId')
      .getRawMany<{ gridId: number | string; n: number | string }>()
    return new Map(rows.map((r) => [Number(r.gridId), Number(r.n)]))
  }

  /** The household ids in these grids. */
  async householdsIn(gridIds: number[], m: EntityManager = this.ds.manager): Promise<number[]> {
    if (gridIds.length === 0) return []
    const rows = await m.getRepository(GridHousehold).findBy({ gridId: In(gridIds) })
    return rows.map((r) => r.householdId)
  }

  /** The grid of each household of the village that is in one. */
  async placements(villageId: number): Promise<Map<number, number>> {
    const rows = await this.ds.getRepository(GridHousehold).findBy({ villageId })
    return new Map(rows.map((r) => [r.householdId, r.gridId]))
  }

  /** The rows of these households that are in a grid, for moving them. */
  placed(m: EntityManager, householdIds: number[]): Promise<GridHousehold[]> {
    if (householdIds.length === 0) return Promise.resolve([])
    return m.getRepository(GridHousehold).findBy({ householdId: In(householdIds) })
  }

  /** Puts households into a grid: they leave whichever grid they were in. */
  async place(m: EntityManager, villageId: number, gridId: number, householdIds: number[]): Promise<void> {
    for (let i = 0; i < householdIds.length; i += CHUNK) {
      const chunk = householdIds.slice(i, i + CHUNK)
      await m.getRepository(GridHousehold).delete({ householdId: In(chunk) })
      await m
        .getRepository(GridHousehold)
        .insert(chunk.map((householdId) => ({ householdId, villageId, gridId })))
    }
  }

  /** Takes households of the village out of any grid; how many were in one. */
  async release(m: EntityManager, villageId: number, householdIds: number[]): Promise<number> {
    const r = await m.getRepository(GridHousehold).delete({ villageId, householdId: In(householdIds) })
    return r.affected ?? 0
  }
}
