import { Injectable } from '@nestjs/common'
import { ageOn, type GridMemberView } from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { Viewer } from '../../../core/access/viewer'
import { Clock } from '../../../core/clock/clock'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { seesFullPhone } from '../roster.policy'
import { RosterRepository } from '../roster.repository'

/** A household as a grid's page shows it: where it is, its villager group, and its people if asked. */
export interface HouseholdSheet {
  id: number
  code: string
  address: string | null
  /** the villager group (村民小组); its name is the organisation tree's */
  groupId: number | null
  members: GridMemberView[]
}

/**
 * Households with their people for those who look after a part of the village (网格员). Phones follow
 * the roster's rule (roster.policy): in full only to the person and the 两委, masked to everyone else.
 */
@Injectable()
export class HouseholdSheets {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
    private readonly clock: Clock,
  ) {}

  /** The village's households (all of them, or those with these ids), by 户号, without their people. */
  async list(villageId: number, ids?: number[]): Promise<HouseholdSheet[]> {
    const rows = await this.repo.villageHouseholds(villageId, ids)
    return rows.map((h) => ({ id: h.id, code: h.code, address: h.address, groupId: h.groupId, members: [] }))
  }

  /** These households of the village with their people, as this viewer may see them. */
  async withMembers(v: Viewer, villageId: number, ids: number[]): Promise<HouseholdSheet[]> {
    if (ids.length === 0) return []
    const sheets = await this.list(villageId, ids)
    const people = await this.repo.membersOf(villageId, ids)
    const today = this.clock.now()
    const byHousehold = new Map<number, GridMemberView[]>()
    for (const r of people)
      byHousehold.set(r.householdId, [
        ...(byHousehold.get(r.householdId) ?? []),
        {
          id: r.id,
          name: r.name,
          sex: r.sex,
          age: ageOn(r.birthDate, today),
          phone: r.phoneEnc && seesFullPhone(v, r) ? this.crypto.decrypt(r.phoneEnc) : r.phoneMasked,
          isHouseholdHead: r.isHouseholdHead,
          linked: r.accountId !== null,
        },
      ])
    return sheets.map((s) => ({ ...s, members: byHousehold.get(s.id) ?? [] }))
  }

  /** The ids of the village's households among `ids` and in the villager groups `groupIds`. */
  async idsIn(villageId: number, ids: number[], groupIds: number[], m?: EntityManager): Promise<number[]> {
    return (await this.repo.householdIdsIn(villageId, ids, groupIds, m)).sort((a, b) => a - b)
  }
}
