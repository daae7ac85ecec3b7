import { Injectable } from '@nestjs/common'
import { DataSource, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm'
import type { CertificateRequestState } from '@xiangli/shared'
import { forUpdate } from '../../core/database/dialect'
import { villageRow } from '../../core/database/village-row'
import type { Recorded } from '../../core/audit/recorded'
import { CatalogueOverride } from './entities/catalogue-override.entity'
import { CertificateCounter } from './entities/certificate-counter.entity'
import { CertificateRequest } from './entities/certificate-request.entity'
import { SealUseRecord } from './entities/seal-use-record.entity'

export type NewRequest = Omit<CertificateRequest, 'id' | 'createdAt' | 'updatedAt' | 'legacyPhone'> & {
  createdAt?: Date
}
export type NewSealLine = Omit<SealUseRecord, 'id'>
type Paging = { page: number; pageSize: number }

/** Which requests the committee's queue shows; every field narrows it. */
export interface QueueFilter {
  state?: CertificateRequestState
  overdue?: { value: boolean; now: Date }
}

/** Issued and revoked certificates of one village and item in a year. */
export interface IssuedCount {
  villageId: number
  itemCode: string
  itemName: string
  issued: number
  revoked: number
}

/** The stored catalogue changes of a region and of a village (null: none saved). */
export interface StoredOverrides {
  region: unknown
  village: unknown
}

/** Every query of 出具证明. */
@Injectable()
export class CertificatesRepository {
  constructor(private readonly ds: DataSource) {}

  // ---------- the catalogue ----------

  async overrides(region: string, villageId: number): Promise<StoredOverrides> {
    const rows = await this.ds.getRepository(CatalogueOverride).find({
      where: [
        { scope: 'region', scopeKey: region },
        { scope: 'village', scopeKey: String(villageId) },
      ],
    })
    return {
      region: rows.find((r) => r.scope === 'region')?.override ?? null,
      village: rows.find((r) => r.scope === 'village')?.override ?? null,
    }
  }

  async regionOverride(region: string): Promise<unknown> {
    const row = await this.ds
      .getRepository(CatalogueOverride)
      .findOneBy({ scope: 'region', scopeKey: region })
    return row?.override ?? null
  }

  /** Saves a change to the list; returns the one it replaced (undefined: none). */
  async saveOverride(
    m: EntityManager,
    scope: 'region' | 'village',
    scopeKey: string,
    override: unknown,
  ): Promise<unknown> {
    const repo = m.getRepository(CatalogueOverride)
    const before = await repo.findOneBy({ scope, scopeKey })
    await repo.save({ scope, scopeKey, override })
    return before?.override
  }

  // ---------- requests ----------

  insert(m: EntityManager, row: NewRequest): Promise<CertificateRequest> {
    return m.getRepository(CertificateRequest).save(row)
  }

  /** Requests still holding the applicant's phone in plain text (made before phones were encrypted). */
  plainPhones(m: EntityManager, limit: number): Promise<CertificateRequest[]> {
    return m.getRepository(CertificateRequest).find({
      where: { legacyPhone: Not(IsNull()) },
      select: ['id', 'legacyPhone'],
      order: { id: 'ASC' },
      take: limit,
    })
  }

  /** Writes the encrypted phone of a request and empties its plain one. */
  async sealPhone(m: EntityManager, id: number, applicantPhoneEnc: string | null): Promise<void> {
    await m.getRepository(CertificateRequest).update({ id }, { applicantPhoneEnc, legacyPhone: null })
  }

  find(villageId: number, id: number): Promise<CertificateRequest | null> {
    return this.ds.getRepository(CertificateRequest).findOneBy({ id, villageId })
  }

  findById(id: number): Promise<CertificateRequest | null> {
    return this.ds.getRepository(CertificateRequest).findOneBy({ id })
  }

  /** The village's request, locked until the transaction ends (see dialect.forUpdate). */
  locked(m: EntityManager, villageId: number, id: number): Promise<CertificateRequest | null> {
    return villageRow(m, CertificateRequest, villageId, id, true)
  }

  async update(m: EntityManager, id: number, changes: Partial<CertificateRequest>): Promise<void> {
    await m.getRepository(CertificateRequest).update({ id }, changes)
  }

  /** A page of one applicant's requests in a village, newest first. */
  mine(
    villageId: number,
    me: { accountId: number; residentId: number | null },
    q: Paging,
  ): Promise<[CertificateRequest[], number]> {
    const where: FindOptionsWhere<CertificateRequest>[] = [{ villageId, applicantAccountId: me.accountId }]
    // and those applied for them (代办), found by their roster row
    if (me.residentId !== null) where.push({ villageId, applicantResidentId: me.residentId })
    return this.ds.getRepository(CertificateRequest).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
  }

  /** A page of the village's requests, newest first. */
  queue(villageId: number, f: QueueFilter, q: Paging): Promise<[CertificateRequest[], number]> {
    const qb = this.ds
      .getRepository(CertificateRequest)
      .createQueryBuilder('r')
      .where('r.villageId = :v', { v: villageId })
    if (f.state) qb.andWhere('r.state = :s', { s: f.state })
    if (f.overdue) {
      const overdue =
        "r.state IN ('submitted','resubmitted','approved') AND r.dueAt IS NOT NULL AND r.dueAt < :now"
      qb.andWhere(f.overdue.value ? `(${overdue})` : `NOT (${overdue})`, { now: f.overdue.now })
    }
    return qb
      .orderBy('r.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
  }

  // ---------- numbering and the register ----------

  /** Makes the village's counter for the year if it is not there yet. */
  async ensureCounter(m: EntityManager, villageId: number, year: number): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(CertificateCounter)
      .values({ villageId, year, lastSequence: 0 })
      .orIgnore()
      .execute()
  }

  /**
   * The next number of the village's year: the counter row is locked until the transaction ends, so
   * concurrent issuing takes consecutive numbers, and a transaction rolled back gives its number back.
   */
  async nextSequence(m: EntityManager, villageId: number, year: number): Promise<number> {
    const counters = m.getRepository(CertificateCounter)
    const q = counters
      .createQueryBuilder('c')
      .where('c.villageId = :v AND c.year = :y', { v: villageId, y: year })
    const counter = await forUpdate(m, q).getOne()
    if (!counter) throw new Error(`certificate counter missing for village ${villageId}, ${year}`)
    const sequence = counter.lastSequence + 1
    await counters.update({ villageId, year }, { lastSequence: sequence })
    return sequence
  }

  /** Sets the counter outright (the demo data, which numbers its certificates itself). */
  async setCounter(m: EntityManager, villageId: number, year: number, lastSequence: number): Promise<void> {
    await m.getRepository(CertificateCounter).save({ villageId, year, lastSequence })
  }

  async insertSealLine(m: EntityManager, line: NewSealLine): Promise<void> {
    await m.getRepository(SealUseRecord).insert(line)
  }

  /** The request and its register line as stored, read back inside the issuing transaction. */
  async issued(m: EntityManager, requestId: number): Promise<{ r: CertificateRequest; line: SealUseRecord }> {
    return {
      r: await m.getRepository(CertificateRequest).findOneByOrFail({ id: requestId }),
      line: await m.getRepository(SealUseRecord).findOneByOrFail({ requestId }),
    }
  }

  /** The register lines of a village in [from, to), in order. */
  sealLines(villageId: number, from: Date, to: Date): Promise<SealUseRecord[]> {
    return this.ds
      .getRepository(SealUseRecord)
      .createQueryBuilder('s')
      .where('s.villageId = :v AND s.at >= :from AND s.at < :to', { v: villageId, from, to })
      .orderBy('s.at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany()
  }

  // ---------- the public check ----------

  byNumber(number: string): Promise<CertificateRequest | null> {
    return this.ds.getRepository(CertificateRequest).findOneBy({ number })
  }

  /** The chain's entries about one certificate with these actions, in chain order. */
  async entriesAbout(id: number, actions: readonly string[]): Promise<Recorded[]> {
    const rows = (await this.ds.query(
      `SELECT seq, action, targetType, targetId, afterDigest FROM audit_entry
        WHERE targetType = 'certificate_request' AND targetId = ? AND action IN (${actions.map(() => '?').join(', ')})
        ORDER BY seq`,
      [String(id), ...actions],
    )) as Recorded[]
    return rows
  }

  // ---------- the home page ----------

  /** Requests of the village waiting on the 两委: submitted or resubmitted (ix_certificate_request_village_state). */
  toApprove(villageId: number): Promise<number> {
    return this.ds.getRepository(CertificateRequest).countBy([
      { villageId, state: 'submitted' },
      { villageId, state: 'resubmitted' },
    ])
  }

  /** The applicant's requests returned to them for more information. */
  toResubmit(villageId: number, accountId: number): Promise<number> {
    return this.ds
      .getRepository(CertificateRequest)
      .countBy({ villageId, applicantAccountId: accountId, state: 'more_info_requested' })
  }

  // ---------- the township ----------

  /** Issued and revoked certificates per village and item, numbered in the year. */
  async issuedCounts(villageIds: number[], year: number): Promise<IssuedCount[]> {
    if (villageIds.length === 0) return []
    const rows: Record<string, string | number | null>[] = await this.ds
      .getRepository(CertificateRequest)
      .createQueryBuilder('r')
      .select('r.villageId', 'villageId')
      .addSelect('r.itemCode', 'itemCode')
      .addSelect('MAX(r.itemName)', 'itemName')
      .addSelect("SUM(CASE WHEN r.state = 'issued' THEN 1 ELSE 0 END)", 'issued')
      .addSelect("SUM(CASE WHEN r.state = 'revoked' THEN 1 ELSE 0 END)", 'revoked')
      .where('r.villageId IN (:...ids) AND r.issuedYear = :year AND r.number IS NOT NULL', {
        ids: villageIds,
        year,
      })
      .groupBy('r.villageId')
      .addGroupBy('r.itemCode')
      .orderBy('r.villageId', 'ASC')
      .addOrderBy('r.itemCode', 'ASC')
      .getRawMany()
    return rows.map((r) => ({
      villageId: Number(r.villageId),
      itemCode: String(r.itemCode),
      itemName: String(r.itemName),
      issued: Number(r.issued ?? 0),
      revoked: Number(r.revoked ?? 0),
    }))
  }
}

// ---------- for the audit verifier, which runs with a manager of its own ----------

/** Requests after this id, in id order, a page at a time. */
export function requestsAfter(m: EntityManager, after: number, take: number): Promise<CertificateRequest[]> {
  return m
    .getRepository(CertificateRequest)
    .createQueryBuilder('r')
    .where('r.id > :after', { after })
    .orderBy('r.id', 'ASC')
    .take(take)
    .getMany()
}

/** Register lines after this id, in id order, a page at a time. */
export function sealLinesAfter(m: EntityManager, after: number, take: number): Promise<SealUseRecord[]> {
  return m
    .getRepository(SealUseRecord)
    .createQueryBuilder('s')
    .where('s.id > :after', { after })
    .orderBy('s.id', 'ASC')
    .take(take)
    .getMany()
}
