import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { maskIdNumber, type Residency, type Sex } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import type { Resident } from './entities/resident.entity'
import { RosterRepository, type ResidenceFields } from './roster.repository'
import {
  DemoHouseholds,
  type DemoHousehold,
  type DemoMember,
  type DemoPerson,
} from './use-cases/demo-households'

import { HouseholdSheets, type HouseholdSheet } from './use-cases/household-sheets'

export type { DemoHousehold, DemoMember, DemoPerson } from './use-cases/demo-households'
export type { HouseholdSheet } from './use-cases/household-sheets'

/** A person on a village's roster, as other modules may see them. */
export interface RosterPerson {
  id: number
  villageId: number
  name: string
  accountId: number | null
}

/** What a person counts as in the village (an adult, a registered villager) depends on these. */
export interface RosterStanding {
  id: number
  name: string
  householdId: number
  /** YYYY-MM-DD */
  birthDate: string
  residency: Residency
}

/** Where a person of the roster is registered and lives, and what was recorded for their vote (Art 13). */
export type RosterResidence = Pick<Resident, 'id' | 'residency' | ResidenceFields>
export type ResidencePatch = Partial<Omit<RosterResidence, 'id'>>

/** A newcomer the 两委 approved, as the roster takes them. */
export interface NewcomerEnrolment {
  villageId: number
  householdCode: string
  address: string
  name: string
  sex: Sex
  birthDate: string
  idNumber: string
  phone: string
  residentSince: string
  proofFileId: number | null
  accountId: number
}

/** How a person applying for a certificate is named and reached, as the roster has it. */
export interface RosterContact {
  id: number
  villageId: number
  name: string
  phone: string | null
}

/** A roster person found by their ID number, with the keyed hash of the phone the roster holds for them. */
export interface RosterMatch extends RosterPerson {
  /** FieldCrypto.phoneIndex of their phone; null when the roster has none */
  phoneHash: string | null
}

/** A person's household as other modules may see it: who acknowledges for it, which group it is in. */
export interface RosterHousehold {
  residentId: number
  residentName: string
  householdId: number
  /** the villager group (村民小组) the household belongs to */
  groupId: number | null
}

/** One row of the 代办 picker: enough to recognise the person at the desk. */
export interface RosterPick {
  id: number
  name: string
  phoneMasked: string | null
  birthDate: string
  householdCode: string
}

/** What other modules may look up on the roster; the roster module's public face. */
@Injectable()
export class RosterDirectory {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
    private readonly demo: DemoHouseholds,
    private readonly sheets: HouseholdSheets,
  ) {}

  /** The person with this roster id in this village, or null. */
  async person(villageId: number, id: number, m?: EntityManager): Promise<RosterPerson | null> {
    const r = await this.repo.person(villageId, id, m)
    return r ? { id: r.id, villageId: r.villageId, name: r.name, accountId: r.accountId } : null
  }

  /** The person's household, birth date and residency in this village, or null. */
  async standing(villageId: number, id: number, m?: EntityManager): Promise<RosterStanding | null> {
    const r = await this.repo.standing(villageId, id, m)
    return r
      ? { id: r.id, name: r.name, householdId: r.householdId, birthDate: r.birthDate, residency: r.residency }
      : null
  }

  /** How many of the village's people are adults on the day `bornBy` gives (born on or before it). */
  adults(villageId: number, bornBy: string, opts: { registeredOnly: boolean }): Promise<number> {
    return this.repo.adults(villageId, bornBy, opts.registeredOnly)
  }

  /** The person's name and phone in this village, or null. */
  async contact(villageId: number, id: number, m?: EntityManager): Promise<RosterContact | null> {
    const r = await this.repo.identity(villageId, id, m)
    return r
      ? {
          id: r.id,
          villageId: r.villageId,
          name: r.name,
          phone: r.phoneEnc ? this.crypto.decrypt(r.phoneEnc) : null,
        }
      : null
  }

  /**
   * The person's ID number in full, or null when they are not on this village's roster. Only for what
   * must print it (a certificate names its holder by it); every view masks it.
   */
  async idNumber(villageId: number, id: number, m?: EntityManager): Promise<string | null> {
    const r = await this.repo.identity(villageId, id, m)
    return r ? this.crypto.decrypt(r.idNumberEnc) : null
  }

  /** The village's person with this (valid, normalised) ID number, found by its keyed hash, or null. */
  async personByIdNumber(villageId: number, idNumber: string, m: EntityManager): Promise<RosterMatch | null> {
    const r = await this.repo.personByIdHash(m, villageId, this.crypto.blindIndex(idNumber))
    return r
      ? { id: r.id, villageId: r.villageId, name: r.name, accountId: r.accountId, phoneHash: r.phoneHash }
      : null
  }

  /** Links the person to the account that proved to be them (实名认证), in the caller's transaction. */
  linkAccount(m: EntityManager, residentId: number, accountId: number): Promise<void> {
    return this.repo.linkAccount(m, residentId, accountId)
  }

  /**
   * Puts a newcomer on the roster (申请登记 approved) as a household of their own, 非户籍常住 since the
   * day they moved in, linked to their account, in the caller's transaction; their roster id.
   */
  async enrolNewcomer(m: EntityManager, n: NewcomerEnrolment): Promise<number> {
    const household = await this.repo.insertHousehold(m, {
      villageId: n.villageId,
      groupId: null,
      code: n.householdCode,
      address: n.address,
      headResidentId: null,
    })
    const r = await this.repo.insertResident(m, {
      villageId: n.villageId,
      householdId: household.id,
      name: n.name,
      sex: n.sex,
      birthDate: n.birthDate,
      idNumberEnc: this.crypto.encrypt(n.idNumber),
      idNumberHash: this.crypto.blindIndex(n.idNumber),
      idNumberMasked: maskIdNumber(n.idNumber),
      ...this.crypto.sealPhone(n.phone),
      isHouseholdHead: true,
      isHouseholdRep: true,
      residency: 'non_registered',
      residentSince: n.residentSince,
      proofFileId: n.proofFileId,
      accountId: n.accountId,
    })
    await this.repo.setHead(m, household.id, r.id)
    return r.id
  }

  /** Whether the account is someone of the village's roster already (in the caller's transaction). */
  isLinkedIn(m: EntityManager, villageId: number, accountId: number): Promise<boolean> {
    return this.repo.hasAccountIn(m, villageId, accountId)
  }

  /** A person's residence as the 两委 keep it on the roster; null when not of the village. */
  async residence(villageId: number, id: number, m?: EntityManager): Promise<RosterResidence | null> {
    const r = await this.repo.full(villageId, id, m)
    return r
      ? {
          id: r.id,
          residency: r.residency,
          residentSince: r.residentSince,
          proofFileId: r.proofFileId,
          takesPartOn: r.takesPartOn,
          admissionBody: r.admissionBody,
          admissionRef: r.admissionRef,
          admittedOn: r.admittedOn,
        }
      : null
  }

  /** Writes a person's residence in the caller's transaction. */
  setResidence(m: EntityManager, id: number, patch: ResidencePatch): Promise<void> {
    return this.repo.setResidence(m, id, patch)
  }

  /** The roster names of these people. */
  names(ids: number[]): Promise<Map<number, string>> {
    return this.repo.names(ids)
  }

  /** How many households and people the village's roster holds. */
  counts(villageId: number): Promise<{ households: number; residents: number }> {
    return this.repo.counts(villageId)
  }

  /** The household of a person on the village's roster, or null. */
  async householdOf(villageId: number, residentId: number): Promise<RosterHousehold | null> {
    const found = await this.repo.householdOf(villageId, residentId)
    if (!found) return null
    return {
      residentId: found.resident.id,
      residentName: found.resident.name,
      householdId: found.household.id,
      groupId: found.household.groupId,
    }
  }

  /** The village's households, or one villager group's, by 户号, each with its head's roster id. */
  async households(
    villageId: number,
    groupId: number | null,
  ): Promise<{ id: number; code: string; headResidentId: number | null }[]> {
    return (await this.repo.householdsIn(villageId, groupId)).map((h) => ({
      id: h.id,
      code: h.code,
      headResidentId: h.headResidentId,
    }))
  }

  /** The accounts of the village's people (or one group's) who use the app, e.g. to tell them of a notice. */
  accountsOf(villageId: number, groupId: number | null, m?: EntityManager): Promise<number[]> {
    return this.repo.accountsIn(villageId, groupId, m)
  }

  /** The village's households by 户号 (all, or those with these ids), with their groups but not their people. */
  householdSheets(villageId: number, ids?: number[]): Promise<HouseholdSheet[]> {
    return this.sheets.list(villageId, ids)
  }

  /** These households of the village with their people; phones as this viewer may see them (roster.policy). */
  householdsWithMembers(v: Viewer, villageId: number, ids: number[]): Promise<HouseholdSheet[]> {
    return this.sheets.withMembers(v, villageId, ids)
  }

  /** The ids of the village's households among `ids` and in the villager groups `groupIds`. */
  householdIdsIn(villageId: number, ids: number[], groupIds: number[], m?: EntityManager): Promise<number[]> {
    return this.sheets.idsIn(villageId, ids, groupIds, m)
  }

  /** The household of each of these people of the village (people not on its roster are left out). */
  householdsOfResidents(villageId: number, residentIds: number[]): Promise<Map<number, number>> {
    return this.repo.householdsOfResidents(villageId, residentIds)
  }

  /** These households of the village (at most 200), each with its 户号 and its head's name. */
  householdHeads(
    villageId: number,
    ids: number[],
  ): Promise<{ id: number; code: string; headName: string | null }[]> {
    return this.repo.householdHeads(villageId, ids)
  }

  /** The ids of the village's households with exactly this 户号. */
  householdIdsByCode(villageId: number, code: string): Promise<number[]> {
    return this.repo.householdIdsByCode(villageId, code)
  }

  /** The roster ids of the people of these households. */
  residentIdsOf(householdIds: number[]): Promise<number[]> {
    return this.repo.residentIdsOf(householdIds)
  }

  /** For the demo seeder: a household and its people, in order, in the seeder's transaction. */
  seedDemoHousehold(
    m: EntityManager,
    household: DemoHousehold,
    members: DemoMember[],
  ): Promise<DemoPerson[]> {
    return this.demo.seed(m, household, members)
  }

  /** People of the village (or of one household) by part of their name or their phone's last digits. */
  async pick(
    villageId: number,
    q: { name?: string; phoneTail?: string; householdId?: number },
    limit: number,
  ): Promise<RosterPick[]> {
    return (await this.repo.pick(villageId, q, limit)).map(({ resident: r, householdCode }) => ({
      id: r.id,
      name: r.name,
      phoneMasked: r.phoneMasked,
      birthDate: r.birthDate,
      householdCode,
    }))
  }
}
