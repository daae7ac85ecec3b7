import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { Household } from './entities/household.entity'
import { Resident } from './entities/resident.entity'

/** The person's own lines in the roster (名册), linked to their account by 实名认证. */
@Injectable()
export class RosterPersonalData implements PersonalDataSection {
  readonly section = 'roster'
  constructor(private readonly ds: DataSource) {}

  /** The roster rows linked to the account (one per village where it is verified). */
  async residentIdsOf(accountId: number, m: EntityManager = this.ds.manager): Promise<number[]> {
    const rows = await m.getRepository(Resident).find({ select: ['id'], where: { accountId } })
    return rows.map((r) => r.id)
  }

  async exportOf({ accountId }: DataSubject, m: EntityManager = this.ds.manager) {
    const rows = await m.getRepository(Resident).find({ where: { accountId }, order: { id: 'ASC' } })
    if (rows.length === 0) return []
    const households = await m.getRepository(Household).findBy({ id: In(rows.map((r) => r.householdId)) })
    const byId = new Map(households.map((h) => [h.id, h]))
    // numbers as the person sees them elsewhere: masked; the full ones are encrypted at rest
    return rows.map((r) => ({
      villageId: r.villageId,
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      idNumber: r.idNumberMasked,
      phone: r.phoneMasked,
      residency: r.residency,
      household: byId.get(r.householdId)?.code ?? null,
      address: byId.get(r.householdId)?.address ?? null,
      householdHead: r.isHouseholdHead,
      householdRepresentative: r.isHouseholdRep,
    }))
  }

  /** The roster is the village's register, kept by its committee: only its link to the account goes. */
  async erase(m: EntityManager, { accountId }: DataSubject): Promise<ErasureOutcome> {
    const r = await m.getRepository(Resident).update({ accountId }, { accountId: null })
    return {
      section: this.section,
      erased: 0,
      kept: r.affected ?? 0,
      note: '村（社区）名册由村委会依法维护，您在名册里的记录保留，只解除了它和账号的关联',
    }
  }
}
