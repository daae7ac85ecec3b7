import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  MY_GRID_PAGE,
  namesHouseholds,
  type GridHouseholds,
  type GridHouseholdsResult,
  type GridView,
  type Ok,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import type { Grid } from '../entities/grid.entity'
import { GridsRepository } from '../grids.repository'
import { GridReads } from './grid-reads'

/** The 两委 divide the village: grids made and renamed, their workers named, households put in. */
@Injectable()
export class GridRegister {
  constructor(
    private readonly repo: GridsRepository,
    private readonly reads: GridReads,
    private readonly roster: RosterDirectory,
    private readonly roles: RoleHolders,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly tx: TxService,
  ) {}

  async create(villageId: number, name: string, actor: Actor): Promise<GridView> {
    const id = await this.named(() =>
      this.tx.run(async (m) => {
        const g = await this.repo.insert(m, villageId, name)
        await this.record(m, actor, g, 'grid.created', { name })
        return g.id
      }),
    )
    return this.reads.one(villageId, id)
  }

  async rename(villageId: number, id: number, name: string, actor: Actor): Promise<GridView> {
    await this.named(() =>
      this.inVillage(villageId, id, async (m, g) => {
        await this.repo.rename(m, g.id, name)
        await this.record(m, actor, g, 'grid.renamed', { from: g.name, name })
      }),
    )
    return this.reads.one(villageId, id)
  }

  /** Names a roster person the grid's 网格员, giving them the role if they do not hold it yet. */
  async addWorker(villageId: number, id: number, residentId: number, actor: Actor): Promise<GridView> {
    await this.inVillage(villageId, id, async (m, g) => {
      const person = await this.roster.person(villageId, residentId, m)
      if (!person) throw new AppException('NOT_FOUND', undefined, '花名册里没有这个人')
      if (!(await this.repo.addWorker(m, villageId, g.id, person.id))) return
      await this.roles.grant(m, villageId, 'grid_worker', person.id, actor)
      await this.record(m, actor, g, 'grid.worker_added', { residentId: person.id })
      if (person.accountId !== null)
        await this.notify.notify(m, {
          accountIds: [person.accountId],
          orgId: villageId,
          kind: 'grid.worker_added',
          title: `您已担任${g.name}的网格员`,
          body: `村（居）委会请您负责${g.name}：走访住户、收集民情、办理交给您的事。`,
          link: MY_GRID_PAGE,
        })
    })
    return this.reads.one(villageId, id)
  }

  /** The person no longer looks after the grid; with no grid left, they are no longer a 网格员. */
  async removeWorker(villageId: number, id: number, residentId: number, actor: Actor): Promise<GridView> {
    await this.inVillage(villageId, id, async (m, g) => {
      if (!(await this.repo.removeWorker(m, g.id, residentId))) throw new AppException('NOT_FOUND')
      await this.record(m, actor, g, 'grid.worker_removed', { residentId })
      if ((await this.repo.gridsOfWorker(villageId, residentId, m)).length === 0)
        await this.roles.revoke(m, villageId, 'grid_worker', residentId, actor)
    })
    return this.reads.one(villageId, id)
  }

  /** Puts households (picked, or whole villager groups) into the grid; they leave any other grid. */
  async putHouseholds(
    villageId: number,
    id: number,
    body: GridHouseholds,
    actor: Actor,
  ): Promise<GridHouseholdsResult> {
    if (!namesHouseholds(body)) throw new AppException('GRID_HOUSEHOLDS_NONE')
    return this.inVillage(villageId, id, async (m, g) => {
      const found = await this.roster.householdIdsIn(villageId, body.householdIds, [], m)
      // a household of another village is one this village does not have
      if (found.length !== body.householdIds.length)
        throw new AppException('NOT_FOUND', undefined, '有的户不在本村（社区）的花名册上')
      const ids = await this.roster.householdIdsIn(villageId, body.householdIds, body.groupIds, m)
      const before = await this.repo.placed(m, ids)
      const already = new Set(before.filter((p) => p.gridId === g.id).map((p) => p.householdId))
      const adding = ids.filter((h) => !already.has(h))
      await this.repo.place(m, villageId, g.id, adding)
      const moved = before.filter((p) => p.gridId !== g.id).length
      if (adding.length > 0)
        await this.record(m, actor, g, 'grid.households_added', { householdIds: adding, moved })
      return { added: adding.length, moved }
    })
  }

  async release(villageId: number, householdIds: number[], actor: Actor): Promise<Ok> {
    await this.tx.run(async (m) => {
      const n = await this.repo.release(m, villageId, householdIds)
      if (n > 0)
        await this.audit.append(m, {
          actor,
          action: 'grid.households_released',
          orgId: villageId,
          targetType: 'household',
          targetId: householdIds[0]!,
          after: { householdIds },
        })
    })
    return { ok: true }
  }

  private inVillage<T>(
    villageId: number,
    id: number,
    work: (m: EntityManager, g: Grid) => Promise<T>,
  ): Promise<T> {
    return this.tx.run(async (m) => {
      const g = await this.repo.find(villageId, id, m)
      if (!g) throw new AppException('NOT_FOUND')
      return work(m, g)
    })
  }

  /** A name the village already gives another grid is refused in words. */
  private async named<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('GRID_NAME_TAKEN')
      throw e
    }
  }

  private async record(
    m: EntityManager,
    actor: Actor,
    g: Grid,
    action: string,
    after: object,
  ): Promise<void> {
    await this.audit.append(m, {
      actor,
      action,
      orgId: g.villageId,
      targetType: 'grid',
      targetId: g.id,
      after: { gridId: g.id, ...after },
    })
  }
}
