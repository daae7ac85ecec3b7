import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { Org } from '../entities/org.entity'
import { OrgsRepository } from '../orgs.repository'

/** 村民小组: the groups of a village, made as a roster sheet names them. */
@Injectable()
export class VillagerGroups {
  constructor(private readonly repo: OrgsRepository) {}

  /**
   * The id of each named group of the village, making those it does not have yet (numbered on from
   * the ones it has, under the village's code), in the caller's transaction.
   */
  async ensure(m: EntityManager, village: Org, names: (string | null)[]): Promise<Map<string, number>> {
    const groups = await this.repo.groupsUnder(m, village.id)
    const byName = new Map(groups.map((g) => [g.name, g.id]))
    let n = groups.length
    for (const name of new Set(names.filter((x): x is string => Boolean(x)))) {
      if (byName.has(name)) continue
      n++
      const g = await this.repo.insertGroup(
        m,
        village,
        name,
        `${village.code}-G${String(n).padStart(3, '0')}`,
      )
      byName.set(name, g.id)
    }
    return byName
  }
}
