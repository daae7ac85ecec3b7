import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'
import { RosterDirectory } from '../roster/roster-directory'
import { mustSeeGrid } from './grids.policy'
import { GridsRepository } from './grids.repository'

/** What other modules may ask about grids (网格); the grids module's public face. */
@Injectable()
export class GridsService {
  constructor(
    private readonly repo: GridsRepository,
    private readonly roster: RosterDirectory,
  ) {}

  /** The grids the viewer looks after in the village (none unless they are a 网格员 on its roster). */
  async gridsOf(v: Viewer, villageId: number, m?: EntityManager): Promise<number[]> {
    const residentId = v.residentIdIn(villageId)
    return residentId === null ? [] : this.repo.gridsOfWorker(villageId, residentId, m)
  }

  /** The villager group of the viewer's own household in the village, or null. */
  private async groupOf(v: Viewer, villageId: number): Promise<number | null> {
    const residentId = v.residentIdIn(villageId)
    const home = residentId !== null ? await this.roster.householdOf(villageId, residentId) : null
    return home?.groupId ?? null
  }

  /** The roster ids of the people living in these grids. */
  async residentsIn(gridIds: number[]): Promise<number[]> {
    return this.roster.residentIdsOf(await this.repo.householdsIn(gridIds))
  }

  /**
   * The people of one grid, for a viewer who may see it: the village's overseers, or its own grid
   * worker (GRID_NOT_YOURS for another grid's); NOT_FOUND when the village has no such grid.
   */
  async residentsOfGridFor(v: Viewer, villageId: number, gridId: number): Promise<number[]> {
    if (!(await this.repo.find(villageId, gridId))) throw new AppException('NOT_FOUND')
    await mustSeeGrid(v, villageId, gridId, await this.gridsOf(v, villageId))
    return this.residentsIn([gridId])
  }

  /** Whether every one of these people lives in one of the viewer's grids. */
  async allInGridsOf(v: Viewer, villageId: number, residentIds: number[]): Promise<boolean> {
    const grids = await this.gridsOf(v, villageId)
    if (grids.length === 0) return false
    const homes = await this.roster.householdsOfResidents(villageId, residentIds)
    if (homes.size !== new Set(residentIds).size) return false
    const inGrids = new Set(await this.repo.householdsIn(grids))
    return [...homes.values()].every((h) => inGrids.has(h))
  }

  /** Whether any of these people lives in one of the viewer's grids (they look after them). */
  async anyInGridsOf(v: Viewer, villageId: number, residentIds: number[]): Promise<boolean> {
    if (residentIds.length === 0) return false
    const grids = await this.gridsOf(v, villageId)
    if (grids.length === 0) return false
    const homes = await this.roster.householdsOfResidents(villageId, residentIds)
    const inGrids = new Set(await this.repo.householdsIn(grids))
    return [...homes.values()].some((h) => inGrids.has(h))
  }

  /**
   * The villager group a 村民小组长 leads, the one their own household is in, with its households;
   * GROUP_NONE when their household is in no group.
   */
  async myGroup(v: Viewer, villageId: number): Promise<{ groupId: number; householdIds: number[] }> {
    const groupId = await this.groupOf(v, villageId)
    if (groupId === null) throw new AppException('GROUP_NONE')
    return { groupId, householdIds: await this.roster.householdIdsIn(villageId, [], [groupId]) }
  }

  /** The roster ids of the people of the villager group the viewer leads (GROUP_NONE without one). */
  async residentsOfMyGroup(v: Viewer, villageId: number): Promise<number[]> {
    return this.roster.residentIdsOf((await this.myGroup(v, villageId)).householdIds)
  }

  /** Whether any of these people lives in the villager group the viewer (a 村民小组长) leads. */
  async anyInGroupOf(v: Viewer, villageId: number, residentIds: number[]): Promise<boolean> {
    if (residentIds.length === 0) return false
    const groupId = await this.groupOf(v, villageId)
    if (groupId === null) return false
    const homes = await this.roster.householdsOfResidents(villageId, residentIds)
    const inGroup = new Set(await this.roster.householdIdsIn(villageId, [], [groupId]))
    return [...homes.values()].some((h) => inGroup.has(h))
  }

  /** For the demo seeder: a grid with its workers and households, in the seeder's transaction. */
  async seedDemo(
    m: EntityManager,
    villageId: number,
    grid: { name: string; workerResidentIds: number[]; householdIds: number[] },
  ): Promise<number> {
    const g = await this.repo.insert(m, villageId, grid.name)
    for (const residentId of grid.workerResidentIds) await this.repo.addWorker(m, villageId, g.id, residentId)
    await this.repo.place(m, villageId, g.id, grid.householdIds)
    return g.id
  }
}
