import { Injectable } from '@nestjs/common'
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm'
import type { VerificationState } from '@xiangli/shared'
import { isUniqueViolation } from '../../core/database/dialect'
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
  mine(accountId: number, take: number): Promise<VerificationRequest[]> {
    return this.ds
      .getRepository(VerificationRequest)
      .find({ where: { accountId }, order: { id: 'DESC' }, take })
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
