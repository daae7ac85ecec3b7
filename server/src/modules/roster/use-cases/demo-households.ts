import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { maskIdNumber, type Residency, type Sex } from '@xiangli/shared'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { RosterRepository } from '../roster.repository'

/** A demo household on a village's roster. */
export interface DemoHousehold {
  villageId: number
  groupId: number
  code: string
  address: string
}

/** A demo person: the ID number in full, stored encrypted, hashed and masked as an import stores it. */
export interface DemoMember {
  name: string
  sex: Sex
  /** YYYY-MM-DD */
  birthDate: string
  idNumber: string
  phone: string
  isHouseholdHead: boolean
  isHouseholdRep: boolean
  residency: Residency
  accountId: number | null
}

/** A demo person as written: the seeder gives roles to them and names them in other demo records. */
export interface DemoPerson {
  id: number
  householdId: number
  name: string
  phone: string | null
  accountId: number | null
}

/** The demo's households, written one person at a time so each is read back with its id. */
@Injectable()
export class DemoHouseholds {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
  ) {}

  async seed(m: EntityManager, h: DemoHousehold, members: DemoMember[]): Promise<DemoPerson[]> {
    const household = await this.repo.insertHousehold(m, { ...h, headResidentId: null })
    const people: DemoPerson[] = []
    for (const { idNumber, phone, ...p } of members) {
      const r = await this.repo.insertResident(m, {
        ...p,
        ...this.crypto.sealPhone(phone),
        villageId: h.villageId,
        householdId: household.id,
        idNumberEnc: this.crypto.encrypt(idNumber),
        idNumberHash: this.crypto.blindIndex(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
      })
      if (p.isHouseholdHead) await this.repo.setHead(m, household.id, r.id)
      people.push({ id: r.id, householdId: household.id, name: r.name, phone, accountId: r.accountId })
    }
    return people
  }
}
