import { Injectable } from '@nestjs/common'
import { DataSource } from 'typeorm'
import { AuditEntry } from '../../core/audit/entities/audit-entry.entity'

/** Reading the audit chain for people; writing it is the audit service's alone. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly ds: DataSource) {}

  /** A page of the entries about one organisation, newest first, with the total. */
  pageOf(orgId: number, q: { page: number; pageSize: number }): Promise<[AuditEntry[], number]> {
    return this.ds.getRepository(AuditEntry).findAndCount({
      where: { orgId },
      order: { seq: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
  }
}
