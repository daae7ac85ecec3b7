import { Injectable } from '@nestjs/common'
import { DataSource, In, MoreThan, type EntityManager } from 'typeorm'
import type { OrgView, VillageSettings } from '@xiangli/shared'
import { Org } from './entities/org.entity'

export type NewOrg = Omit<Org, 'id' | 'createdAt'>

/** Every query of the organisation tree. */
@Injectable()
export class OrgsRepository {
  constructor(private readonly ds: DataSource) {}

  find(id: number, m: EntityManager = this.ds.manager): Promise<Org | null> {
    return m.getRepository(Org).findOneBy({ id })
  }

  /**
   * What shows of these organisations (those that exist, in no particular order), each with its
   * parent's name, in one statement of only the columns shown: every GET /api/me reads it.
   */
  async views(ids: number[]): Promise<OrgView[]> {
    if (ids.length === 0) return []
    const rows = (await this.ds.query(
      `SELECT o.id, o.kind, o.name, o.code, o.parentId, p.name AS parentName
         FROM org o LEFT JOIN org p ON p.id = o.parentId
        WHERE o.id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    )) as {
      id: number | string
      kind: OrgView['kind']
      name: string
      code: string
      parentId: number | string | null
      parentName: string | null
    }[]
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      name: r.name,
      code: r.code,
      parentId: r.parentId === null ? null : Number(r.parentId),
      parentName: r.parentId === null ? null : r.parentName,
    }))
  }

  /** Those of these ids that exist, in no particular order. */
  findMany(ids: number[]): Promise<Org[]> {
    return ids.length ? this.ds.getRepository(Org).findBy({ id: In(ids) }) : Promise.resolve([])
  }

  /** Every village and community, by name. */
  selfGoverningUnits(): Promise<Org[]> {
    return this.ds
      .getRepository(Org)
      .find({ where: { kind: In(['village', 'community']) }, order: { name: 'ASC' } })
  }

  /** The villages and communities directly under a township or street, by id. */
  /** With `page`: at most `limit` of them after the id `after` (ix_org_parent holds (parentId, id)). */
  selfGoverningUnitsUnder(
    townshipId: number,
    page?: { after?: number; limit: number },
  ): Promise<Pick<Org, 'id' | 'name' | 'createdAt'>[]> {
    return this.ds.getRepository(Org).find({
      where: {
        parentId: townshipId,
        kind: In(['village', 'community']),
        ...(page?.after !== undefined ? { id: MoreThan(page.after) } : {}),
      },
      select: ['id', 'name', 'createdAt'],
      order: { id: 'ASC' },
      ...(page ? { take: page.limit } : {}),
    })
  }

  /** A village's villager groups (村民小组), by name. */
  groupsOf(villageId: number): Promise<Pick<Org, 'id' | 'name'>[]> {
    return this.ds.getRepository(Org).find({
      where: { parentId: villageId, kind: 'group' },
      select: ['id', 'name'],
      order: { name: 'ASC', id: 'ASC' },
    })
  }

  /** Every villager group of a village, in a transaction that may add to them. */
  groupsUnder(m: EntityManager, villageId: number): Promise<Org[]> {
    return m.getRepository(Org).findBy({ parentId: villageId, kind: 'group' })
  }

  /** Whether the tree holds any organisation yet. */
  async any(): Promise<boolean> {
    return (await this.ds.getRepository(Org).count()) > 0
  }

  /** One organisation as given, in the caller's transaction. */
  insert(m: EntityManager, row: NewOrg): Promise<Org> {
    return m.getRepository(Org).save(row)
  }

  insertGroup(m: EntityManager, village: Pick<Org, 'id'>, name: string, code: string): Promise<Org> {
    return m
      .getRepository(Org)
      .save({ kind: 'group' as const, name, code, parentId: village.id, settings: null })
  }

  /** Replaces a village's settings; returns what they were. */
  async saveSettings(
    m: EntityManager,
    villageId: number,
    settings: VillageSettings,
  ): Promise<VillageSettings | null> {
    const org = await m.getRepository(Org).findOneByOrFail({ id: villageId })
    await m.getRepository(Org).update({ id: villageId }, { settings })
    return org.settings
  }
}
