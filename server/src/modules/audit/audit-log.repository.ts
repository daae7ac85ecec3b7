import { Injectable } from '@nestjs/common'
import { DataSource } from 'typeorm'
import { capFor, countUpTo } from '../../core/database/count-up-to'
import { AuditEntry } from '../../core/audit/entities/audit-entry.entity'

/** Reading the audit chain for people; writing it is the audit service's alone. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly ds: DataSource) {}

  /** A page of the entries about one organisation, newest first, with the total (counted up to a cap). */
  async pageOf(
    orgId: number,
    q: { page: number; pageSize: number },
  ): Promise<{ rows: AuditEntry[]; total: number; totalAtLeast: boolean }> {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('e').where('e.orgId = :orgId', { orgId })
    const rows = await qb
      .clone()
      .orderBy('e.seq', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getMany()
    const { total, atLeast } = await countUpTo(qb, 'e.seq', capFor(q))
    return { rows, total, totalAtLeast: atLeast }
  }
}
