import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common'
import { pageQuerySchema, type PageQuery } from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { CurrentPrincipal } from '../../core/auth/current.decorator'
import type { Principal } from '../../core/auth/principal'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { InboxService } from './inbox.service'

@Controller('api/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Access.account()
  list(@CurrentPrincipal() p: Principal, @Query(zod(pageQuerySchema)) q: PageQuery) {
    return this.inbox.list(p.accountId, q.page, q.pageSize)
  }

  @Get('unread-count')
  @Access.account()
  unread(@CurrentPrincipal() p: Principal) {
    return this.inbox.unread(p.accountId)
  }

  @Post('read-all')
  @HttpCode(200)
  @Access.account()
  readAll(@CurrentPrincipal() p: Principal) {
    return this.inbox.markAllRead(p.accountId)
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access.account()
  read(@CurrentPrincipal() p: Principal, @Param('id', IdPipe) id: number) {
    return this.inbox.markRead(p.accountId, id)
  }
}
