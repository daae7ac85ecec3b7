import { Injectable } from '@nestjs/common'
import type { AuditEntryView, AuditHeadView, Page } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { OrgsService } from '../../orgs/orgs.service'
import { presentEntry, presentHead } from '../audit-log.presenter'
import { AuditLogRepository } from '../audit-log.repository'

/** 留痕: what a village's overseers read of its chain, and every chain's head for anyone to write down. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly repo: AuditLogRepository,
    private readonly audit: AuditService,
    private readonly orgs: OrgsService,
  ) {}

  async ofVillage(villageId: number, q: { page: number; pageSize: number }): Promise<Page<AuditEntryView>> {
    const { rows, total, totalAtLeast } = await this.repo.pageOf(villageId, q)
    return {
      items: rows.map(presentEntry),
      total,
      page: q.page,
      pageSize: q.pageSize,
      ...(totalAtLeast ? { totalAtLeast } : {}),
    }
  }

  async heads(): Promise<AuditHeadView[]> {
    const heads = await this.audit.heads()
    const names = await this.orgs.names(heads.map((h) => h.id).filter((id) => id > 0))
    return heads.map((h) => presentHead(h, names))
  }
}
