import { Injectable } from '@nestjs/common'
import { InjectDataSource } from '@nestjs/typeorm'
import type { RulesKind, RulesStatus } from '@xiangli/shared'
import { DataSource, In, type EntityManager } from 'typeorm'
import { forUpdate } from '../../core/database/dialect'
import { RulesCorrection } from './entities/rules-correction.entity'
import { RulesFiling } from './entities/rules-filing.entity'
import { RulesVersion } from './entities/rules-version.entity'

/** Every query of 村规民约: versions, filings, correction orders. */
@Injectable()
export class VillageRulesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get reader(): EntityManager {
    return this.ds.manager
  }

  find(m: EntityManager, villageId: number, id: number, lock = false): Promise<RulesVersion | null> {
    const qb = m
      .getRepository(RulesVersion)
      .createQueryBuilder('v')
      .where('v.id = :id AND v.villageId = :villageId', { id, villageId })
    return (lock ? forUpdate(m, qb) : qb).getOne()
  }

  findById(m: EntityManager, id: number): Promise<RulesVersion | null> {
    return m.getRepository(RulesVersion).findOneBy({ id })
  }

  byDeliberation(m: EntityManager, deliberationId: number): Promise<RulesVersion | null> {
    return m.getRepository(RulesVersion).findOneBy({ deliberationId })
  }

  /** Newest first; drafts and versions under adoption only when `withDrafts`. */
  list(villageId: number, withDrafts: boolean): Promise<RulesVersion[]> {
    const statuses: RulesStatus[] = withDrafts
      ? ['draft', 'in_adoption', 'adopted', 'superseded', 'not_adopted']
      : ['in_adoption', 'adopted', 'superseded']
    return this.ds.getRepository(RulesVersion).find({
      where: { villageId, status: In(statuses) },
      order: { id: 'DESC' },
      select: ['id', 'villageId', 'kind', 'number', 'title', 'status', 'adoptedAt', 'createdAt'],
    })
  }

  current(m: EntityManager, villageId: number, kind: RulesKind): Promise<RulesVersion | null> {
    return m.getRepository(RulesVersion).findOneBy({ villageId, kind, status: 'adopted' })
  }

  inForce(villageId: number): Promise<RulesVersion[]> {
    return this.ds
      .getRepository(RulesVersion)
      .find({ where: { villageId, status: 'adopted' }, order: { kind: 'ASC' } })
  }

  async nextNumber(m: EntityManager, villageId: number, kind: RulesKind): Promise<number> {
    const row = await m
      .getRepository(RulesVersion)
      .createQueryBuilder('v')
      .select('MAX(v.number)', 'max')
      .where('v.villageId = :villageId AND v.kind = :kind', { villageId, kind })
      .getRawOne<{ max: number | string | null }>()
    return Number(row?.max ?? 0) + 1
  }

  create(m: EntityManager, row: Omit<RulesVersion, 'id' | 'createdAt'>): Promise<RulesVersion> {
    const repo = m.getRepository(RulesVersion)
    return repo.save(repo.create(row))
  }

  async update(m: EntityManager, id: number, patch: Partial<RulesVersion>): Promise<void> {
    await m.getRepository(RulesVersion).update({ id }, patch)
  }

  filingOf(m: EntityManager, versionId: number): Promise<RulesFiling | null> {
    return m.getRepository(RulesFiling).findOneBy({ versionId })
  }

  filingsOf(versionIds: number[]): Promise<RulesFiling[]> {
    if (versionIds.length === 0) return Promise.resolve([])
    return this.ds.getRepository(RulesFiling).findBy({ versionId: In(versionIds) })
  }

  async file(m: EntityManager, row: Omit<RulesFiling, 'id'>): Promise<RulesFiling> {
    const repo = m.getRepository(RulesFiling)
    return repo.save(repo.create(row))
  }

  townshipFilings(townshipId: number): Promise<RulesFiling[]> {
    return this.ds
      .getRepository(RulesFiling)
      .find({ where: { townshipId }, order: { filedAt: 'DESC', id: 'DESC' } })
  }

  filing(m: EntityManager, townshipId: number, id: number): Promise<RulesFiling | null> {
    return m.getRepository(RulesFiling).findOneBy({ id, townshipId })
  }

  versionsByIds(ids: number[]): Promise<RulesVersion[]> {
    if (ids.length === 0) return Promise.resolve([])
    return this.ds.getRepository(RulesVersion).find({
      where: { id: In(ids) },
      select: ['id', 'villageId', 'kind', 'number', 'title', 'status', 'adoptedAt', 'createdAt'],
    })
  }

  corrections(filingIds: number[]): Promise<RulesCorrection[]> {
    if (filingIds.length === 0) return Promise.resolve([])
    return this.ds
      .getRepository(RulesCorrection)
      .find({ where: { filingId: In(filingIds) }, order: { id: 'ASC' } })
  }

  async correct(m: EntityManager, row: Omit<RulesCorrection, 'id'>): Promise<RulesCorrection> {
    const repo = m.getRepository(RulesCorrection)
    return repo.save(repo.create(row))
  }
}
