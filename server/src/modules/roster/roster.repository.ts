import { Injectable } from '@nestjs/common'
import {
  DataSource,
  In,
  IsNull,
  LessThanOrEqual,
  Not,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm'
import type { ResidentQuery } from '@xiangli/shared'
import type { SealedPhone } from '../../core/crypto/field-crypto.service'
import { Household } from './entities/household.entity'
import { Resident } from './entities/resident.entity'

export type NewHousehold = Omit<Household, 'id' | 'createdAt'>
/** What a residence adds to a roster row; a row written without them is 户籍 with nothing recorded. */
export type ResidenceFields =
  'residentSince' | 'proofFileId' | 'takesPartOn' | 'admissionBody' | 'admissionRef' | 'admittedOn'
export type NewResident = Omit<Resident, 'id' | 'createdAt' | 'legacyPhone' | ResidenceFields> &
  Partial<Pick<Resident, ResidenceFields>>

type Paging = { page: number; pageSize: number }

/** how many roster rows one INSERT carries */
const CHUNK = 200

/** Every query of the roster (花名册): residents and households. */
@Injectable()
export class RosterRepository {
  constructor(private readonly ds: DataSource) {}

  // ---------- people ----------

  person(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Resident | null> {
    return m
      .getRepository(Resident)
      .findOne({ where: { id, villageId }, select: ['id', 'villageId', 'name', 'accountId'] })
  }

  /** The person with what their standing in the village depends on: household, birth date, residency. */
  standing(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Resident | null> {
    return m.getRepository(Resident).findOne({
      where: { id, villageId },
      select: ['id', 'villageId', 'name', 'householdId', 'birthDate', 'residency'],
    })
  }

  /** How many of the village's people were born on or before `bornBy`, only registered ones if asked. */
  adults(villageId: number, bornBy: string, registeredOnly: boolean): Promise<number> {
    return this.ds.getRepository(Resident).countBy({
      villageId,
      birthDate: LessThanOrEqual(bornBy),
      // a villager registered here counts wherever they live (Art 21: 本村十分之一以上的村民)
      ...(registeredOnly ? { residency: In(['registered', 'registered_away']) } : {}),
    })
  }

  /** The whole roster row of a person of the village, or null. */
  full(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Resident | null> {
    return m.getRepository(Resident).findOne({ where: { id, villageId } })
  }

  /** Writes a person's residence (status, since, proof, declaration, admission). */
  async setResidence(
    m: EntityManager,
    id: number,
    patch: Partial<Pick<Resident, ResidenceFields | 'residency'>>,
  ) {
    await m.getRepository(Resident).update({ id }, patch)
  }

  /** The person's name, phone and encrypted ID number, for a certificate they asked for. */
  identity(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Resident | null> {
    return m.getRepository(Resident).findOne({
      where: { id, villageId },
      select: ['id', 'villageId', 'name', 'phoneEnc', 'idNumberEnc'],
    })
  }

  /** The person of the village with this keyed hash of an ID number, with their phone's hash, or null. */
  personByIdHash(m: EntityManager, villageId: number, idNumberHash: string): Promise<Resident | null> {
    return m.getRepository(Resident).findOne({
      where: { villageId, idNumberHash },
      select: ['id', 'villageId', 'name', 'phoneHash', 'accountId'],
    })
  }

  /** Whether the account is linked to a person of the village's roster already. */
  hasAccountIn(m: EntityManager, villageId: number, accountId: number): Promise<boolean> {
    return m.getRepository(Resident).existsBy({ villageId, accountId })
  }

  /** Links a roster person to the account that proved to be them. */
  async linkAccount(m: EntityManager, id: number, accountId: number): Promise<void> {
    await m.getRepository(Resident).update({ id }, { accountId })
  }

  /** A page of a village's people, household by household, found by part of their name if asked. */
  async residentsPage(villageId: number, q: ResidentQuery): Promise<{ rows: Resident[]; total: number }> {
    const qb = this.ds
      .getRepository(Resident)
      .createQueryBuilder('r')
      .where('r.villageId = :villageId', { villageId })
    if (q.householdId) qb.andWhere('r.householdId = :householdId', { householdId: q.householdId })
    if (q.residency) qb.andWhere('r.residency = :residency', { residency: q.residency })
    // % and _ typed into the search are nothing special
    if (q.q) qb.andWhere('r.name LIKE :name', { name: `%${q.q.replace(/[%_\\]/g, '')}%` })
    // ix_resident_village_household: the page is read in the index's order, not sorted
    const rows = await qb
      .clone()
      .orderBy('r.householdId', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getMany()
    // a village's roster is bounded (tens of thousands at most): counted whole, from the same index
    const total = await qb.getCount()
    return { rows, total }
  }

  async names(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(Resident)
      .find({ where: { id: In(ids) }, select: ['id', 'name'] })
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  async counts(villageId: number): Promise<{ households: number; residents: number }> {
    return {
      households: await this.ds.getRepository(Household).countBy({ villageId }),
      residents: await this.ds.getRepository(Resident).countBy({ villageId }),
    }
  }

  /** The keyed hashes of the ID numbers already on the village's roster. */
  async idHashes(villageId: number): Promise<Set<string>> {
    const rows = await this.ds
      .getRepository(Resident)
      .find({ where: { villageId }, select: ['id', 'idNumberHash'] })
    return new Set(rows.map((r) => r.idNumberHash))
  }

  /** One person, read back with their id. */
  insertResident(m: EntityManager, row: NewResident): Promise<Resident> {
    return m.getRepository(Resident).save(row)
  }

  async insertResidents(m: EntityManager, rows: NewResident[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await m.getRepository(Resident).insert(rows.slice(i, i + CHUNK))
  }

  /** The household heads among the people of these ID hashes. */
  headsAmong(m: EntityManager, villageId: number, idHashes: string[]): Promise<Resident[]> {
    return m.getRepository(Resident).find({
      where: { villageId, isHouseholdHead: true, idNumberHash: In(idHashes.concat(['-'])) },
      select: ['id', 'householdId'],
    })
  }

  /** Rows still holding a phone in plain text (written before phones were encrypted), a batch at a time. */
  plainPhones(m: EntityManager, limit: number): Promise<Resident[]> {
    return m.getRepository(Resident).find({
      where: { legacyPhone: Not(IsNull()) },
      select: ['id', 'legacyPhone'],
      order: { id: 'ASC' },
      take: limit,
    })
  }

  /** Writes the encrypted phone of a row and empties its plain one. */
  async sealPhone(m: EntityManager, id: number, sealed: SealedPhone): Promise<void> {
    await m.getRepository(Resident).update({ id }, { ...sealed, legacyPhone: null })
  }

  // ---------- households ----------

  async households(ids: number[]): Promise<Map<number, Household>> {
    if (ids.length === 0) return new Map()
    const rows = await this.ds.getRepository(Household).findBy({ id: In([...new Set(ids)]) })
    return new Map(rows.map((h) => [h.id, h]))
  }

  householdsPage(villageId: number, q: Paging): Promise<[Household[], number]> {
    return this.ds.getRepository(Household).findAndCount({
      where: { villageId },
      order: { code: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
  }

  /** How many people each of these households has on the roster. */
  async memberCounts(householdIds: number[]): Promise<Map<number, number>> {
    if (householdIds.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(Resident)
      .createQueryBuilder('r')
      .select('r.householdId', 'householdId')
      .addSelect('COUNT(*)', 'n')
      .where('r.householdId IN (:...ids)', { ids: householdIds })
      .groupBy('r.householdId')
      .getRawMany<{ householdId: number; n: string | number }>()
    return new Map(rows.map((r) => [Number(r.householdId), Number(r.n)]))
  }

  /** A village's households by their 户号. */
  async householdsByCode(m: EntityManager, villageId: number): Promise<Map<string, Household>> {
    return new Map((await m.getRepository(Household).findBy({ villageId })).map((h) => [h.code, h]))
  }

  insertHousehold(m: EntityManager, row: NewHousehold): Promise<Household> {
    return m.getRepository(Household).save(row)
  }

  async setHead(m: EntityManager, householdId: number, residentId: number): Promise<void> {
    await m.getRepository(Household).update({ id: householdId }, { headResidentId: residentId })
  }

  // ---------- for other modules ----------

  /** A village's households by 户号: all of them, or those with these ids. */
  villageHouseholds(villageId: number, ids?: number[]): Promise<Household[]> {
    return this.ds.getRepository(Household).find({
      where: ids ? { villageId, id: In(ids.concat([0])) } : { villageId },
      order: { code: 'ASC' },
    })
  }

  /**
   * These households of the village (at most 200) with the name of each one's head: the household's
   * headResidentId, else the person marked head.
   */
  async householdHeads(
    villageId: number,
    ids: number[],
  ): Promise<{ id: number; code: string; headName: string | null }[]> {
    if (ids.length === 0) return []
    const households = await this.villageHouseholds(villageId, ids.slice(0, 200))
    const people = await this.ds.getRepository(Resident).find({
      where: { villageId, householdId: In(households.map((h) => h.id).concat([0])) },
      select: ['id', 'householdId', 'name', 'isHouseholdHead'],
      order: { id: 'ASC' },
    })
    return households.map((h) => {
      const own = people.filter((r) => r.householdId === h.id)
      const head = own.find((r) => r.id === h.headResidentId) ?? own.find((r) => r.isHouseholdHead)
      return { id: h.id, code: h.code, headName: head?.name ?? null }
    })
  }

  /** The ids of the village's households whose 户号 is this one (exactly). */
  async householdIdsByCode(villageId: number, code: string): Promise<number[]> {
    const rows = await this.ds.getRepository(Household).find({ where: { villageId, code }, select: ['id'] })
    return rows.map((h) => h.id)
  }

  /** The people of these households of the village, household by household. */
  membersOf(villageId: number, householdIds: number[]): Promise<Resident[]> {
    return this.ds.getRepository(Resident).find({
      where: { villageId, householdId: In(householdIds.concat([0])) },
      order: { householdId: 'ASC', isHouseholdHead: 'DESC', id: 'ASC' },
    })
  }

  /** The ids of the village's households among `ids` or in the villager groups `groupIds`. */
  async householdIdsIn(
    villageId: number,
    ids: number[],
    groupIds: number[],
    m: EntityManager = this.ds.manager,
  ): Promise<number[]> {
    const where: FindOptionsWhere<Household>[] = []
    if (ids.length > 0) where.push({ villageId, id: In(ids) })
    if (groupIds.length > 0) where.push({ villageId, groupId: In(groupIds) })
    if (where.length === 0) return []
    const rows = await m.getRepository(Household).find({ where, select: ['id'] })
    return [...new Set(rows.map((h) => h.id))]
  }

  /** The household of each of these people of the village. */
  async householdsOfResidents(villageId: number, residentIds: number[]): Promise<Map<number, number>> {
    if (residentIds.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(Resident)
      .find({ where: { villageId, id: In(residentIds) }, select: ['id', 'householdId'] })
    return new Map(rows.map((r) => [r.id, r.householdId]))
  }

  /** The people of these households. */
  async residentIdsOf(householdIds: number[]): Promise<number[]> {
    if (householdIds.length === 0) return []
    const rows = await this.ds
      .getRepository(Resident)
      .find({ where: { householdId: In(householdIds) }, select: ['id'] })
    return rows.map((r) => r.id)
  }

  /** A person's household with its villager group, read by the person's roster id in the village. */
  async householdOf(
    villageId: number,
    residentId: number,
  ): Promise<{ resident: Resident; household: Household } | null> {
    const resident = await this.ds.getRepository(Resident).findOneBy({ id: residentId, villageId })
    if (!resident) return null
    const household = await this.ds.getRepository(Household).findOneBy({ id: resident.householdId })
    return household ? { resident, household } : null
  }

  /** A village's households, or one villager group's, by 户号. */
  householdsIn(villageId: number, groupId: number | null): Promise<Household[]> {
    return this.ds.getRepository(Household).find({
      where: groupId !== null ? { villageId, groupId } : { villageId },
      order: { code: 'ASC' },
    })
  }

  /** The accounts of the village's people (or one group's) who use the app. */
  async accountsIn(
    villageId: number,
    groupId: number | null,
    m: EntityManager = this.ds.manager,
  ): Promise<number[]> {
    const qb = m
      .getRepository(Resident)
      .createQueryBuilder('r')
      .select('r.accountId', 'accountId')
      .where('r.villageId = :villageId AND r.accountId IS NOT NULL', { villageId })
    if (groupId !== null)
      qb.innerJoin(Household, 'h', 'h.id = r.householdId').andWhere('h.groupId = :g', { g: groupId })
    const rows: { accountId: number | string }[] = await qb.getRawMany()
    return rows.map((r) => Number(r.accountId))
  }

  /**
   * 代办's picker: people of the village (or one household) whose name holds `name` or whose phone
   * ends in `phoneTail` (read from the masked form, which keeps the last four digits), with their 户号.
   */
  async pick(
    villageId: number,
    q: { name?: string; phoneTail?: string; householdId?: number },
    limit: number,
  ): Promise<{ resident: Resident; householdCode: string }[]> {
    const qb = this.ds
      .getRepository(Resident)
      .createQueryBuilder('r')
      .where('r.villageId = :villageId', { villageId })
    if (q.householdId !== undefined) qb.andWhere('r.householdId = :hid', { hid: q.householdId })
    // % and _ typed into the search are nothing special
    if (q.name) qb.andWhere('r.name LIKE :name', { name: `%${q.name.replace(/[%_\\]/g, '')}%` })
    if (q.phoneTail) qb.andWhere('r.phoneMasked LIKE :tail', { tail: `%${q.phoneTail}` })
    const people = await qb.orderBy('r.householdId', 'ASC').addOrderBy('r.id', 'ASC').limit(limit).getMany()
    const households = await this.households([...new Set(people.map((r) => r.householdId))])
    return people.map((resident) => ({
      resident,
      householdCode: households.get(resident.householdId)?.code ?? '',
    }))
  }
}
