import { Injectable } from '@nestjs/common'
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm'
import type { VerificationState, VerificationView } from '@xiangli/shared'
import { isUniqueViolation, rawDate } from '../../core/database/dialect'
import { VerificationRequest } from './entities/verification-request.entity'

export type NewClaim = Omit<VerificationRequest, 'id' | 'createdAt' | 'legacyPhone'>

/** MySQL names the index, SQLite the column. */
const PENDING_RESIDENT = /uq_verification_pending_resident|pendingResidentId/

/** Every query of 实名认证 claims. */
@Injectable()
export class VerificationRepository {
  constructor(private readonly ds: DataSource) {}

  find(m: EntityManager, villageId: number, id: number): Promise<VerificationRequest | null> {
    return m.getRepository(VerificationRequest).findOneBy({ id, villageId })
  }

  /** Whether the account already has a claim waiting in the village. */
  hasPendingOf(m: EntityManager, accountId: number, villageId: number): Promise<boolean> {
    return m.getRepository(VerificationRequest).existsBy({ accountId, villageId, state: 'pending' })
  }

  /** Whether anyone's claim on this roster person is waiting. */
  hasPendingOn(m: EntityManager, residentId: number): Promise<boolean> {
    return m.getRepository(VerificationRequest).existsBy({ pendingResidentId: residentId })
  }

  /**
   * Stores a new claim; null when the roster person already has a pending one. Two claims made at
   * the same instant both pass `hasPendingOn`; the unique pendingResidentId lets one of them in.
   */
  async insertClaim(m: EntityManager, row: NewClaim): Promise<VerificationRequest | null> {
    try {
      return await m.getRepository(VerificationRequest).save({ ...row })
    } catch (e) {
      if (isUniqueViolation(e) && PENDING_RESIDENT.test(String(e))) return null
      throw e
    }
  }

  async save(m: EntityManager, request: VerificationRequest): Promise<void> {
    await m.getRepository(VerificationRequest).save(request)
  }

  /** The account's latest claims, newest first. */
  /**
   * The account's newest claims as they show, each with its village's name, in one plain statement:
   * every GET /api/me reads them.
   */
  async mineViews(accountId: number, take: number): Promise<VerificationView[]> {
    const rows = (await this.ds.query(
      `SELECT v.id, v.villageId, o.name AS villageName, v.name, v.idNumberMasked, v.phoneMasked,
              v.state, v.reason, v.createdAt, v.decidedAt
         FROM verification_request v LEFT JOIN org o ON o.id = v.villageId
        WHERE v.accountId = ? ORDER BY v.id DESC LIMIT ?`,
      [accountId, take],
    )) as (Omit<VerificationView, 'id' | 'villageId' | 'villageName' | 'createdAt' | 'decidedAt'> & {
      id: number | string
      villageId: number | string
      villageName: string | null
      phoneMasked: string | null
      createdAt: Date | string
      decidedAt: Date | string | null
    })[]
    return rows.map((r) => ({
      id: Number(r.id),
      villageId: Number(r.villageId),
      villageName: r.villageName ?? '',
      name: r.name,
      idNumberMasked: r.idNumberMasked,
      phoneMasked: r.phoneMasked ?? '',
      state: r.state,
      reason: r.reason,
      createdAt: rawDate(r.createdAt).toISOString(),
      decidedAt: r.decidedAt === null ? null : rawDate(r.decidedAt).toISOString(),
    }))
  }

  /** A page of the village's claims, oldest first, of one state if asked, with the total. */
  page(
    villageId: number,
    q: { state?: VerificationState; page: number; pageSize: number },
  ): Promise<[VerificationRequest[], number]> {
    return this.ds.getRepository(VerificationRequest).findAndCount({
      where: q.state ? { villageId, state: q.state } : { villageId },
      order: { id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
  }

  /** Claims still holding a phone in plain text (made before phones were encrypted), a batch at a time. */
  plainPhones(m: EntityManager, limit: number): Promise<VerificationRequest[]> {
    return m.getRepository(VerificationRequest).find({
      where: { legacyPhone: Not(IsNull()) },
      select: ['id', 'legacyPhone'],
      order: { id: 'ASC' },
      take: limit,
    })
  }

  /** Writes the encrypted phone of a claim and empties its plain one. */
  async sealPhone(
    m: EntityManager,
    id: number,
    sealed: Pick<VerificationRequest, 'phoneEnc' | 'phoneMasked'>,
  ): Promise<void> {
    await m.getRepository(VerificationRequest).update({ id }, { ...sealed, legacyPhone: null })
  }

  pendingCount(villageId: number): Promise<number> {
    return this.ds.getRepository(VerificationRequest).countBy({ villageId, state: 'pending' })
  }
}
