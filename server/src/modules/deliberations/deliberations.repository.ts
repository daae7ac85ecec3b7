import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import {
  DEFAULT_CHECK_IN_LEAD_MINUTES,
  type DeliberationListQuery,
  type DeliberationSettings,
} from '@xiangli/shared'
import { villageRow } from '../../core/database/village-row'
import { StoredFile } from '../../core/files/entities/stored-file.entity'
import { AppException } from '../../core/errors/app.exception'
import { DeliberationSettingsRow } from './entities/deliberation-settings.entity'
import { Deliberation } from './entities/deliberation.entity'

/** Every query of deliberations themselves, their settings and their files. */
@Injectable()
export class DeliberationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Reads outside a transaction go through this manager. */
  get reader(): EntityManager {
    return this.ds.manager
  }

  /** The village's deliberation, locked to change it on MySQL (`lock`); NOT_FOUND otherwise. */
  async find(m: EntityManager, villageId: number, id: number, lock = false): Promise<Deliberation> {
    const d = await villageRow(m, Deliberation, villageId, id, lock)
    if (!d) throw new AppException('NOT_FOUND')
    return d
  }

  /** Outside any village: for the files' access rules. */
  findById(id: number): Promise<Deliberation | null> {
    return this.ds.getRepository(Deliberation).findOneBy({ id })
  }

  create(m: EntityManager, row: Partial<Deliberation>): Promise<Deliberation> {
    return m.getRepository(Deliberation).save(row)
  }

  async saveState(m: EntityManager, id: number, next: Deliberation['state']): Promise<void> {
    await m.getRepository(Deliberation).update({ id }, { state: next, status: next.status, step: next.step })
  }

  /** A page of the village's deliberations, newest first. */
  page(villageId: number, q: DeliberationListQuery): Promise<[Deliberation[], number]> {
    return this.ds.getRepository(Deliberation).findAndCount({
      where: { villageId, ...(q.status ? { status: q.status } : {}) },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
  }

  /** The village's settings, each at its default when never set. */
  /** The village's deliberations still under way, with what decides who acts next (ix_deliberation_village). */
  underWay(villageId: number): Promise<Pick<Deliberation, 'id' | 'procedure' | 'state' | 'status'>[]> {
    return this.ds.getRepository(Deliberation).find({
      where: { villageId, status: In(['in_progress', 'adopted']) },
      select: ['id', 'procedure', 'state', 'status'],
    })
  }

  /** Per village: deliberations under way (ix_deliberation_village). */
  async underWayByVillage(villageIds: number[]): Promise<Map<number, number>> {
    if (villageIds.length === 0) return new Map()
    const rows: { villageId: number | string; c: number | string }[] = await this.ds
      .getRepository(Deliberation)
      .createQueryBuilder('d')
      .select('d.villageId', 'villageId')
      .addSelect('COUNT(*)', 'c')
      .where("d.villageId IN (:...villageIds) AND d.status IN ('in_progress', 'adopted')", { villageIds })
      .groupBy('d.villageId')
      .getRawMany()
    return new Map(rows.map((r) => [Number(r.villageId), Number(r.c)]))
  }

  async settings(villageId: number): Promise<DeliberationSettings> {
    const row = await this.ds.getRepository(DeliberationSettingsRow).findOneBy({ villageId })
    return {
      showCountsLive: row?.showCountsLive ?? false,
      checkInLeadMinutes: row?.checkInLeadMinutes ?? DEFAULT_CHECK_IN_LEAD_MINUTES,
    }
  }

  async saveSettings(m: EntityManager, villageId: number, s: DeliberationSettings): Promise<void> {
    await m.getRepository(DeliberationSettingsRow).upsert({ villageId, ...s }, ['villageId'])
  }

  /** The files attached to a deliberation, a meeting or opinions, in the order they were stored. */
  filesOf(type: string, ids: number[]): Promise<StoredFile[]> {
    if (ids.length === 0) return Promise.resolve([])
    return this.ds.getRepository(StoredFile).find({
      where: { attachedType: type, attachedId: In(ids) },
      order: { id: 'ASC' },
    })
  }
}
