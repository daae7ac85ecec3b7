import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common'
import { z } from 'zod'
import {
  pageQuerySchema,
  rejectSchema,
  verificationRequestSchema,
  VERIFICATION_STATES,
  type RejectRequest,
  type VerificationRequest,
} from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { Acting, CurrentPrincipal, type ActingContext } from '../../core/auth/current.decorator'
import type { Principal } from '../../core/auth/principal'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { VerificationService } from './verification.service'

const listQuery = pageQuerySchema.extend({ state: z.enum(VERIFICATION_STATES).optional() })
type ListQuery = z.infer<typeof listQuery>
const DECIDERS = ['committee_member', 'party_secretary'] as const

@Controller('api')
export class VerificationController {
  constructor(private readonly verifications: VerificationService) {}

  @Post('me/verifications')
  @Access.account()
  submit(@CurrentPrincipal() p: Principal, @Body(zod(verificationRequestSchema)) body: VerificationRequest) {
    return this.verifications.submit(p, body)
  }

  @Get('villages/:villageId/verifications')
  @Access.village(DECIDERS)
  list(@Acting() a: ActingContext, @Query(zod(listQuery)) q: ListQuery) {
    return this.verifications.list(a.villageId, q.state, q.page, q.pageSize)
  }

  @Post('villages/:villageId/verifications/:id/confirm')
  @HttpCode(200)
  @Access.village(DECIDERS)
  confirm(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.verifications.confirm(a.villageId, id, a.actor)
  }

  @Post('villages/:villageId/verifications/:id/reject')
  @HttpCode(200)
  @Access.village(DECIDERS)
  reject(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(rejectSchema)) body: RejectRequest,
  ) {
    return this.verifications.reject(a.villageId, id, body.reason, a.actor)
  }
}
