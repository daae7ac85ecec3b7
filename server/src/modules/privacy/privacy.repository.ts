import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import type { PrivacyConsentKind, ErasureOutcome } from '@xiangli/shared'
import { isUniqueViolation } from '../../core/database/dialect'
import { DataDeletionRequest } from './entities/data-deletion-request.entity'
import { PrivacyConsent } from './entities/privacy-consent.entity'

/** Every query of consents and deletion requests. */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly ds: DataSource) {}

  /** The newest consent of each kind the account gave. */
  async latestConsents(accountId: number, m: EntityManager = this.ds.manager): Promise<PrivacyConsent[]> {
    const rows = await m
      .getRepository(PrivacyConsent)
      .find({ where: { accountId }, order: { version: 'DESC', id: 'DESC' } })
    const seen = new Set<PrivacyConsentKind>()
    return rows.filter((r) => !seen.has(r.kind) && seen.add(r.kind))
  }

  /** Every consent the account gave, oldest first (for its export). */
  allConsents(accountId: number): Promise<PrivacyConsent[]> {
    return this.ds.getRepository(PrivacyConsent).find({ where: { accountId }, order: { id: 'ASC' } })
  }

  async hasConsent(
    accountId: number,
    kind: PrivacyConsentKind,
    version: number,
    m: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    return m.getRepository(PrivacyConsent).existsBy({ accountId, kind, version })
  }

  insertConsent(
    m: EntityManager,
    accountId: number,
    kind: PrivacyConsentKind,
    version: number,
  ): Promise<PrivacyConsent> {
    return m.getRepository(PrivacyConsent).save({ accountId, kind, version })
  }

  // ---------- deletion requests ----------

  /** The newest request of the account, or null. */
  latestDeletion(accountId: number): Promise<DataDeletionRequest | null> {
    return this.ds.getRepository(DataDeletionRequest).findOne({ where: { accountId }, order: { id: 'DESC' } })
  }

  /** A new pending request; null when the account already has one pending (a unique index says so). */
  async insertDeletion(m: EntityManager, accountId: number): Promise<DataDeletionRequest | null> {
    try {
      return await m.getRepository(DataDeletionRequest).save({
        accountId,
        pendingAccountId: accountId,
        state: 'pending',
        processedAt: null,
        processedByAccountId: null,
        outcome: null,
      })
    } catch (e) {
      if (isUniqueViolation(e)) return null
      throw e
    }
  }

  pendingDeletions(): Promise<DataDeletionRequest[]> {
    return this.ds
      .getRepository(DataDeletionRequest)
      .find({ where: { state: 'pending' }, order: { id: 'ASC' } })
  }

  findDeletion(m: EntityManager, id: number): Promise<DataDeletionRequest | null> {
    return m.getRepository(DataDeletionRequest).findOneBy({ id })
  }

  /** Marks a pending request done; false when someone else processed it first. */
  async completeDeletion(
    m: EntityManager,
    id: number,
    by: number,
    at: Date,
    outcome: ErasureOutcome[],
  ): Promise<boolean> {
    const r = await m
      .getRepository(DataDeletionRequest)
      .createQueryBuilder()
      .update()
      .set({ state: 'done', pendingAccountId: null, processedAt: at, processedByAccountId: by, outcome })
      .where('id = :id AND state = :pending', { id, pending: 'pending' })
      .execute()
    return (r.affected ?? 0) === 1
  }

  /** The account's consents go with its other personal data. */
  async eraseConsents(m: EntityManager, accountId: number): Promise<number> {
    const r = await m.getRepository(PrivacyConsent).delete({ accountId })
    return r.affected ?? 0
  }
}
