import { Injectable } from '@nestjs/common'
import type { GridDetailView, GridHouseholdView, GridView, MyGroupView } from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import { AppException } from '../../../core/errors/app.exception'
import { OrgsService } from '../../orgs/orgs.service'
import { RosterDirectory, type HouseholdSheet } from '../../roster/roster-directory'
import type { Grid } from '../entities/grid.entity'
import { mustSeeGrid } from '../grids.policy'
import { presentGrid, presentHousehold } from '../grids.presenter'
import { GridsRepository } from '../grids.repository'
import { GridsService } from '../grids.service'

/** Reading grids: the village's, one grid worker's own, one grid with its households and people. */
@Injectable()
export class GridReads {
  constructor(
    private readonly repo: GridsRepository,
    private readonly roster: RosterDirectory,
    private readonly orgs: OrgsService,
    private readonly service: GridsService,
  ) {}

  async list(villageId: number): Promise<GridView[]> {
    return this.present(await this.repo.inVillage(villageId))
  }

  /** The grids the viewer looks after in the village. */
  async mine(v: Viewer, villageId: number): Promise<GridView[]> {
    const mine = await this.service.gridsOf(v, villageId)
    return this.present((await this.repo.inVillage(villageId)).filter((g) => mine.includes(g.id)))
  }

  async one(villageId: number, id: number): Promise<GridView> {
    const g = await this.repo.find(villageId, id)
    if (!g) throw new AppException('NOT_FOUND')
    return (await this.present([g]))[0]!
  }

  /** Every household of the village with the grid it is in, for dividing the village. */
  async households(villageId: number): Promise<GridHouseholdView[]> {
    const grids = new Map((await this.repo.inVillage(villageId)).map((g) => [g.id, g]))
    const placed = await this.repo.placements(villageId)
    const sheets = await this.roster.householdSheets(villageId)
    const groups = await this.groupNames(sheets)
    return sheets.map((h) => {
      const gridId = placed.get(h.id)
      return presentHousehold(h, gridId !== undefined ? grids.get(gridId) : undefined, groups)
    })
  }

  /** One grid with its households and their people; a grid worker only for a grid of theirs. */
  async detail(v: Viewer, villageId: number, id: number): Promise<GridDetailView> {
    const g = await this.repo.find(villageId, id)
    if (!g) throw new AppException('NOT_FOUND')
    await mustSeeGrid(v, villageId, g.id, await this.service.gridsOf(v, villageId))
    const ids = await this.repo.householdsIn([g.id])
    const households = await this.roster.householdsWithMembers(v, villageId, ids)
    const groups = await this.groupNames(households)
    return {
      ...(await this.present([g]))[0]!,
      households: households.map((h) => presentHousehold(h, g, groups)),
    }
  }

  /** 我的小组: the villager group of the leader's own household, its households and their people. */
  async myGroup(v: Viewer, villageId: number): Promise<MyGroupView> {
    const { groupId, householdIds: ids } = await this.service.myGroup(v, villageId)
    const households = await this.roster.householdsWithMembers(v, villageId, ids)
    const grids = new Map((await this.repo.inVillage(villageId)).map((g) => [g.id, g]))
    const placed = await this.repo.placements(villageId)
    const groups = await this.orgs.names([groupId])
    return {
      groupId,
      name: groups.get(groupId) ?? '',
      households: households.map((h) => {
        const gridId = placed.get(h.id)
        return presentHousehold(h, gridId !== undefined ? grids.get(gridId) : undefined, groups)
      }),
    }
  }

  private groupNames(sheets: HouseholdSheet[]): Promise<Map<number, string>> {
    return this.orgs.names([...new Set(sheets.flatMap((h) => (h.groupId !== null ? [h.groupId] : [])))])
  }

  private async present(grids: Grid[]): Promise<GridView[]> {
    const ids = grids.map((g) => g.id)
    const workers = await this.repo.workersOf(ids)
    const names = await this.roster.names([...new Set(workers.map((w) => w.residentId))])
    const counts = await this.repo.householdCounts(ids)
    return grids.map((g) => presentGrid(g, { workers, names, householdCount: counts.get(g.id) ?? 0 }))
  }
}
