import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  OVERSIGHT_ROLES,
  catalogueSearchQuerySchema,
  certificateCheckQuerySchema,
  certificateQueueQuerySchema,
  certificateRefuseSchema,
  certificateRequestCreateSchema,
  certificateRequestInfoSchema,
  certificateResubmitSchema,
  certificateRevokeSchema,
  certificateStatsQuerySchema,
  pageQuerySchema,
  sealRegisterQuerySchema,
  type CertificateCheckQuery,
  type CertificateQueueQuery,
  type CertificateRefuseRequest,
  type CertificateRequestCreate,
  type CertificateRequestInfoRequest,
  type CertificateResubmit,
  type CertificateRevokeRequest,
  type PageQuery,
  type SealRegisterQuery,
} from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import {
  Acting,
  ActingTownship,
  CurrentPrincipal,
  type ActingContext,
  type TownshipContext,
} from '../../core/auth/current.decorator'
import type { Principal } from '../../core/auth/principal'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { CertificatesService } from './certificates.service'

/** 出具证明 in one village: the catalogue, residents' requests, the committee's decisions, the register. */
@Controller('api/villages/:villageId/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  // ---------- the catalogue ----------

  @Get('catalogue')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  catalogue(@Acting() a: ActingContext) {
    return this.certificates.catalogue(a.villageId)
  }

  @Get('catalogue/search')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  search(@Acting() a: ActingContext, @Query(zod(catalogueSearchQuerySchema)) q: { q: string }) {
    return this.certificates.search(a.villageId, q.q)
  }

  @Get('catalogue/overrides')
  @Access.admin()
  overrides(@Param('villageId', IdPipe) villageId: number) {
    return this.certificates.overrides(villageId)
  }

  @Put('catalogue')
  @Access.admin()
  putCatalogue(
    @CurrentPrincipal() p: Principal,
    @Param('villageId', IdPipe) villageId: number,
    @Body() body: unknown,
  ) {
    return this.certificates.putVillageOverride(p, villageId, body)
  }

  // ---------- residents ----------

  @Post('requests')
  @Access.village(ANY_VILLAGE_ROLE)
  create(
    @Acting() a: ActingContext,
    @Body(zod(certificateRequestCreateSchema)) body: CertificateRequestCreate,
  ) {
    return this.certificates.create(a, body)
  }

  @Get('requests/mine')
  @Access.village(ANY_VILLAGE_ROLE)
  mine(@Acting() a: ActingContext, @Query(zod(pageQuerySchema)) q: PageQuery) {
    return this.certificates.mine(a, q)
  }

  @Get('requests/:id')
  @Access.village(ANY_VILLAGE_ROLE)
  detail(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.certificates.detail(a, id)
  }

  @Get('requests/:id/pdf')
  @Access.village(ANY_VILLAGE_ROLE)
  pdf(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.certificates.pdf(a, id)
  }

  @Post('requests/:id/resubmit')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  resubmit(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(certificateResubmitSchema)) body: CertificateResubmit,
  ) {
    return this.certificates.resubmit(a, id, body)
  }

  @Post('requests/:id/withdraw')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  withdraw(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.certificates.withdraw(a, id)
  }

  // ---------- committee ----------

  @Get('requests')
  @Access.village(COMMITTEE_ROLES)
  queue(@Acting() a: ActingContext, @Query(zod(certificateQueueQuerySchema)) q: CertificateQueueQuery) {
    return this.certificates.queue(a, q)
  }

  @Post('requests/:id/approve')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  approve(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.certificates.approve(a, id)
  }

  @Post('requests/:id/refuse')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  refuse(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(certificateRefuseSchema)) body: CertificateRefuseRequest,
  ) {
    return this.certificates.refuse(a, id, body.reason)
  }

  @Post('requests/:id/request-info')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  requestInfo(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(certificateRequestInfoSchema)) body: CertificateRequestInfoRequest,
  ) {
    return this.certificates.requestInfo(a, id, body.message)
  }

  @Post('requests/:id/revoke')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  revoke(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(certificateRevokeSchema)) body: CertificateRevokeRequest,
  ) {
    return this.certificates.revoke(a, id, body.reason)
  }

  // ---------- the seal-use register (用印登记) ----------

  @Get('seal-register')
  @Access.village(OVERSIGHT_ROLES, { township: true })
  sealRegister(@Acting() a: ActingContext, @Query(zod(sealRegisterQuerySchema)) q: SealRegisterQuery) {
    return this.certificates.sealRegister(a.villageId, q)
  }

  @Get('seal-register.xlsx')
  @Access.village(OVERSIGHT_ROLES, { township: true })
  sealRegisterXlsx(@Acting() a: ActingContext, @Query(zod(sealRegisterQuerySchema)) q: SealRegisterQuery) {
    return this.certificates.sealRegisterXlsx(a.villageId, q)
  }
}

/** Anyone holding a certificate checks it here, without logging in (the QR code opens this). */
@Controller('api/certificates')
export class PublicCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('verify')
  @Access.public()
  verify(@Query(zod(certificateCheckQuerySchema)) q: CertificateCheckQuery) {
    return this.certificates.check(q)
  }

  @Put('regions/:region/catalogue')
  @Access.admin()
  putRegionCatalogue(
    @CurrentPrincipal() p: Principal,
    @Param('region') region: string,
    @Body() body: unknown,
  ) {
    return this.certificates.putRegionOverride(p, region, body)
  }
}

/** The township's measure: how many certificates its villages issue, per item and year. */
@Controller('api/townships/:townshipId/certificates')
export class TownshipCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('stats')
  @Access.township()
  stats(@ActingTownship() t: TownshipContext, @Query(zod(certificateStatsQuerySchema)) q: { year: number }) {
    return this.certificates.townshipStats(t, q.year)
  }
}
