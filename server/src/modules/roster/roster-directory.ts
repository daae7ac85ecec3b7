import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { RosterRepository } from './roster.repository'

/** A person on a village's roster, as other modules may see them. */
export interface RosterPerson {
  id: number
  villageId: number
  name: string
  accountId: number | null
}

/** What other modules may look up on the roster; the roster module's public face. */
@Injectable()
export class RosterDirectory {
  constructor(private readonly repo: RosterRepository) {}

  /** The person with this roster id in this village, or null. */
  async person(villageId: number, id: number, m?: EntityManager): Promise<RosterPerson | null> {
    const r = await this.repo.person(villageId, id, m)
    return r ? { id: r.id, villageId: r.villageId, name: r.name, accountId: r.accountId } : null
  }

  /** The roster names of these people. */
  names(ids: number[]): Promise<Map<number, string>> {
    return this.repo.names(ids)
  }

  /** How many households and people the village's roster holds. */
  counts(villageId: number): Promise<{ households: number; residents: number }> {
    return this.repo.counts(villageId)
  }
}
