import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { GrievancesRepository } from './grievances.repository'

/** What other modules may ask of 村民说事 (a deliberation whose source is a resident's issue). */
@Injectable()
export class GrievancesService {
  constructor(private readonly repo: GrievancesRepository) {}

  /** Whether the village has an issue by this id. */
  exists(villageId: number, id: number, m?: EntityManager): Promise<boolean> {
    return this.repo.exists(villageId, id, m)
  }
}
