import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { PointsEntry } from './entities/points-entry.entity'

/**
 * The points the person's own taking part earned their household (a meeting attended, an opinion
 * window). The household's ledger is the village's record and stays; the person's name leaves it.
 */
@Injectable()
export class PointsPersonalData implements PersonalDataSection {
  readonly section = 'points'
  constructor(private readonly ds: DataSource) {}

  /** By the person's roster rows, read before the roster unlinks the account. */
  private async entries(m: EntityManager, { residentIds }: DataSubject): Promise<PointsEntry[]> {
    if (residentIds.length === 0) return []
    return m.getRepository(PointsEntry).find({ where: { residentId: In(residentIds) }, order: { id: 'ASC' } })
  }

  async exportOf(who: DataSubject, m: EntityManager = this.ds.manager) {
    return (await this.entries(m, who)).map((e) => ({
      villageId: e.villageId,
      householdId: e.householdId,
      name: e.personName,
      kind: e.kind,
      points: e.points,
      source: e.sourceLabel,
      earnedAt: new Date(e.earnedAt).toISOString(),
    }))
  }

  async erase(m: EntityManager, who: DataSubject): Promise<ErasureOutcome> {
    const ids = (await this.entries(m, who)).map((e) => e.id)
    if (ids.length) await m.getRepository(PointsEntry).update({ id: In(ids) }, { personName: ERASED_NAME })
    return {
      section: this.section,
      erased: 0,
      kept: ids.length,
      note: '户的积分记录是村里的台账，保留，但不再写本人姓名',
    }
  }
}
