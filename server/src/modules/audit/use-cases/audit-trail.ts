import { Injectable } from '@nestjs/common'
import type { AuditEntryView, AuditVerifyResult, Page } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { presentEntry } from '../audit-log.presenter'
import { AuditLogRepository } from '../audit-log.repository'

/** 留痕: what a village's overseers read of the chain, and the check of the whole chain. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly repo: AuditLogRepository,
    private readonly audit: AuditService,
  ) {}

  async ofVillage(villageId: number, q: { page: number; pageSize: number }): Promise<Page<AuditEntryView>> {
    const [rows, total] = await this.repo.pageOf(villageId, q)
    return { items: rows.map(presentEntry), total, page: q.page, pageSize: q.pageSize }
  }

  verify(): Promise<AuditVerifyResult> {
    return this.audit.verify()
  }
}
