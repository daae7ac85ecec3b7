import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { GrievanceStatsRepository, type VillageCounts } from './grievance-stats.repository'
import { GrievancesRepository } from './grievances.repository'
import { DemoGrievances, type DemoGrievance } from './use-cases/demo-grievances'

export type { DemoGrievance, DemoGrievancePerson, DemoGrievanceStep } from './use-cases/demo-grievances'

/** What other modules may ask of 村民说事 (a deliberation whose source is a resident's issue). */
@Injectable()
export class GrievancesService {
  constructor(
    private readonly repo: GrievancesRepository,
    private readonly stats: GrievanceStatsRepository,
    private readonly demo: DemoGrievances,
  ) {}

  /** Whether the village has an issue by this id. */
  exists(villageId: number, id: number, m?: EntityManager): Promise<boolean> {
    return this.repo.exists(villageId, id, m)
  }

  /** An issue as another module may know it: its title, stage and who raised it on the roster. */
  async brief(
    villageId: number,
    id: number,
    m?: EntityManager,
  ): Promise<{ id: number; title: string; state: string; raiserResidentId: number | null } | null> {
    const g = await this.repo.find(villageId, id, m)
    return g ? { id: g.id, title: g.title, state: g.state, raiserResidentId: g.raiserResidentId } : null
  }

  /** The home page's counts: what waits on the 两委 of a village. */
  waitingInVillage(
    villageId: number,
    now: Date,
  ): Promise<{ toAccept: number; toAnswer: number; overdue: number }> {
    return this.repo.waitingInVillage(villageId, now)
  }

  /** The township's dashboard: per village, overdue items and the ratings of answers. */
  countsByVillage(villageIds: number[], now: Date): Promise<VillageCounts[]> {
    return this.stats.countsByVillage(villageIds, now)
  }

  /** The home page's count of the resident's answered items waiting for their rating. */
  toRate(villageId: number, accountId: number): Promise<number> {
    return this.repo.toRate(villageId, accountId)
  }

  /** For the demo seeder: the village's grievances, each at its stage with its timeline, in the seeder's transaction. */
  seedDemo(m: EntityManager, villageId: number, grievances: DemoGrievance[]): Promise<void> {
    return this.demo.seed(m, villageId, grievances)
  }
}
