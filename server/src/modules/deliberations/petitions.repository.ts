import { Injectable } from '@nestjs/common'
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm'
import type { PetitionListQuery, PetitionStatus } from '@xiangli/shared'
import { villageRow } from '../../core/database/village-row'
import { PetitionPaperSheet } from './entities/petition-paper-sheet.entity'
import { PetitionSignature } from './entities/petition-signature.entity'
import { Petition } from './entities/petition.entity'
import type { Tally } from './petitions.rules'

export type NewPetition = Omit<Petition, 'id' | 'createdAt' | 'updatedAt' | 'moderation'> & {
  moderation?: Petition['moderation']
}
export type NewSignature = Omit<PetitionSignature, 'id' | 'createdAt'>

/** Every query of petitions (联名提议) and their signatures. */
@Injectable()
export class PetitionsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The village's petition. Locked until commit when `lock` (MySQL): signers of one petition take
   * turns, so the count that decides `reached` sees them all.
   */
  find(
    villageId: number,
    id: number,
    m: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<Petition | null> {
    return villageRow(m, Petition, villageId, id, lock)
  }

  /** The village's petition, read without a lock inside the caller's transaction. */
  findIn(m: EntityManager, villageId: number, id: number): Promise<Petition | null> {
    return m.getRepository(Petition).findOneBy({ id, villageId })
  }

  /** The content check's verdict on a petition: who besides its initiator and the 两委 sees it. */
  async setModeration(m: EntityManager, id: number, moderation: Petition['moderation']): Promise<void> {
    await m.getRepository(Petition).update({ id }, { moderation })
  }

  insert(m: EntityManager, row: NewPetition): Promise<Petition> {
    return m.getRepository(Petition).save(row)
  }

  /** A page of the village's petitions, newest first. */
  page(
    villageId: number,
    q: PetitionListQuery,
    /** the 两委 see every petition; anyone else those shown and their own */
    seer: { all: true } | { accountId: number },
  ): Promise<[Petition[], number]> {
    const qb = this.ds
      .getRepository(Petition)
      .createQueryBuilder('p')
      .where('p.villageId = :v', { v: villageId })
    if (!('all' in seer))
      qb.andWhere("(p.moderation = 'shown' OR p.initiatorAccountId = :me)", { me: seer.accountId })
    if (q.status) qb.andWhere('p.status = :s', { s: q.status })
    return qb
      .orderBy('p.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
  }

  /**
   * Moves a petition on from `from` only if it is still there: of two steps at once, one does it and
   * the other is told (false).
   */
  /** The village's petitions that reached their threshold and wait to be convened (ix_petition_village). */
  reachedIn(villageId: number): Promise<number> {
    return this.ds.getRepository(Petition).countBy({ villageId, status: 'reached' })
  }

  /** Per village: reached petitions not convened, and those reached before `cutoff` (ix_petition_village). */
  async waitingByVillage(
    villageIds: number[],
    cutoff: Date,
  ): Promise<Map<number, { waiting: number; ignored: number }>> {
    if (villageIds.length === 0) return new Map()
    const rows: Record<string, unknown>[] = await this.ds
      .getRepository(Petition)
      .createQueryBuilder('p')
      .select('p.villageId', 'villageId')
      .addSelect('COUNT(*)', 'waiting')
      .addSelect('SUM(CASE WHEN p.reachedAt < :cutoff THEN 1 ELSE 0 END)', 'ignored')
      .where("p.villageId IN (:...villageIds) AND p.status = 'reached'", { villageIds, cutoff })
      .groupBy('p.villageId')
      .getRawMany()
    return new Map(
      rows.map((r) => [
        Number(r.villageId),
        { waiting: Number(r.waiting ?? 0), ignored: Number(r.ignored ?? 0) },
      ]),
    )
  }

  async move(
    m: EntityManager,
    id: number,
    from: PetitionStatus,
    set: Partial<Pick<Petition, 'status' | 'reachedAt' | 'withdrawnAt' | 'deliberationId'>>,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(Petition)
      .set(set)
      .where('id = :id AND status = :from', { id, from })
      .execute()
    return Boolean(res.affected)
  }

  // ---------- signatures ----------

  /** One per roster person: the unique key refuses a second (isUniqueViolation). */
  async insertSignature(m: EntityManager, row: NewSignature): Promise<void> {
    await m.getRepository(PetitionSignature).insert(row)
  }

  countSignatures(petitionId: number): Promise<number> {
    return this.ds.getRepository(PetitionSignature).countBy({ petitionId })
  }

  async hasSigned(
    petitionId: number,
    residentId: number,
    m: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    return (await m.getRepository(PetitionSignature).countBy({ petitionId, residentId })) > 0
  }

  /** The number of signatures of each of these petitions. */
  async signatureCounts(ids: number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>()
    if (ids.length === 0) return counts
    const raw: { pid: number | string; n: number | string }[] = await this.ds
      .getRepository(PetitionSignature)
      .createQueryBuilder('s')
      .select('s.petitionId', 'pid')
      .addSelect('COUNT(*)', 'n')
      .where('s.petitionId IN (:...ids)', { ids })
      .groupBy('s.petitionId')
      .getRawMany()
    for (const r of raw) counts.set(Number(r.pid), Number(r.n))
    return counts
  }

  /** The signatures as they count, by SQL aggregates: adults, 村民代表, households with an adult signer. */
  async tally(petitionId: number, m: EntityManager = this.ds.manager): Promise<Tally> {
    const [row] = (await m.query(
      `SELECT COALESCE(SUM(CASE WHEN asAdult THEN 1 ELSE 0 END), 0) AS adults,
              COALESCE(SUM(CASE WHEN asRepresentative THEN 1 ELSE 0 END), 0) AS representatives,
              COUNT(DISTINCT CASE WHEN asAdult THEN householdId END) AS households
         FROM petition_signature WHERE petitionId = ?`,
      [petitionId],
    )) as { adults: number | string; representatives: number | string; households: number | string }[]
    return {
      adults: Number(row?.adults ?? 0),
      representatives: Number(row?.representatives ?? 0),
      households: Number(row?.households ?? 0),
    }
  }

  /** The accounts that signed the petition online, to tell them what became of it (paper signers have none). */
  async signerAccounts(m: EntityManager, petitionId: number): Promise<number[]> {
    const rows = await m
      .getRepository(PetitionSignature)
      .find({ where: { petitionId, accountId: Not(IsNull()) }, select: ['id', 'accountId'] })
    return rows.map((r) => Number(r.accountId))
  }

  // ---------- paper signature sheets ----------

  /** Which of these people have signed the petition already, online or on paper. */
  async signedAmong(m: EntityManager, petitionId: number, residentIds: number[]): Promise<Set<number>> {
    if (residentIds.length === 0) return new Set()
    const rows = await m
      .getRepository(PetitionSignature)
      .find({ where: { petitionId, residentId: In(residentIds) }, select: ['residentId'] })
    return new Set(rows.map((r) => r.residentId))
  }

  insertSheet(
    m: EntityManager,
    row: Omit<PetitionPaperSheet, 'id' | 'recordedAt'>,
  ): Promise<PetitionPaperSheet> {
    return m.getRepository(PetitionPaperSheet).save(row)
  }

  sheets(petitionId: number): Promise<PetitionPaperSheet[]> {
    return this.ds.getRepository(PetitionPaperSheet).find({ where: { petitionId }, order: { id: 'ASC' } })
  }

  sheetByPhoto(photoId: number): Promise<PetitionPaperSheet | null> {
    return this.ds.getRepository(PetitionPaperSheet).findOneBy({ photoId })
  }
}
