import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import { Household } from './entities/household.entity'
import { Resident } from './entities/resident.entity'

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
  constructor(private readonly ds: DataSource) {}

  /** The person with this roster id in this village, or null. */
  async person(
    villageId: number,
    id: number,
    m: EntityManager = this.ds.manager,
  ): Promise<RosterPerson | null> {
    const r = await m
      .getRepository(Resident)
      .findOne({ where: { id, villageId }, select: ['id', 'villageId', 'name', 'accountId'] })
    return r ? { id: r.id, villageId: r.villageId, name: r.name, accountId: r.accountId } : null
  }

  /** The roster names of these people. */
  async names(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(Resident)
      .find({ where: { id: In(ids) }, select: ['id', 'name'] })
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  /** How many households and people the village's roster holds. */
  async counts(villageId: number): Promise<{ households: number; residents: number }> {
    return {
      households: await this.ds.getRepository(Household).countBy({ villageId }),
      residents: await this.ds.getRepository(Resident).countBy({ villageId }),
    }
  }
}
