import { Controller, Get, Query } from '@nestjs/common'
import { pageQuerySchema, type AuditEntryView, type Page, type PageQuery } from '@xiangli/shared'
import { DataSource } from 'typeorm'
import { Access } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { AuditService } from '../../core/audit/audit.service'
import { AuditEntry } from '../../core/audit/entities/audit-entry.entity'
import { zod } from '../../core/http/zod.pipe'

const view = (e: AuditEntry): AuditEntryView => ({
  seq: e.seq,
  actorName: e.actorName,
  actorRole: e.actorRole,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  createdAt: e.at,
})

@Controller('api')
export class AuditLogController {
  constructor(
    private readonly audit: AuditService,
    private readonly ds: DataSource,
  ) {}

  @Get('villages/:villageId/audit')
  @Access.village(['committee_member', 'party_secretary', 'supervisor'], { township: true })
  async list(
    @Acting() a: ActingContext,
    @Query(zod(pageQuerySchema)) q: PageQuery,
  ): Promise<Page<AuditEntryView>> {
    const [rows, total] = await this.ds.getRepository(AuditEntry).findAndCount({
      where: { orgId: a.villageId },
      order: { seq: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
    return { items: rows.map(view), total, page: q.page, pageSize: q.pageSize }
  }

  @Get('audit/verify')
  @Access.admin()
  verify() {
    return this.audit.verify()
  }
}
