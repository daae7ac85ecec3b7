import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common'
import {
  petitionCreateSchema,
  petitionListQuerySchema,
  type PetitionCreateRequest,
  type PetitionListQuery,
  type PetitionPage,
  type PetitionView,
} from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { PetitionsService } from './petitions.service'

/**
 * 联名提议 (petitions), under /api/villages/:villageId/petitions:
 *
 *   POST   /                     PetitionCreateRequest        → PetitionView   a resident on the roster starts one and signs it
 *   GET    /?page&pageSize&status PetitionListQueryRequest    → PetitionPage   anyone of the village, township officials
 *   GET    /:id                                               → PetitionView   count, threshold per criterion, signedByMe, canSign
 *   POST   /:id/signatures                                    → PetitionView   co-sign (PETITION_NOT_ELIGIBLE, PETITION_ALREADY_SIGNED, PETITION_CLOSED)
 *   POST   /:id/withdraw                                      → PetitionView   the initiator, before the threshold
 *
 * The committee turns a reached petition into a deliberation with
 * POST /api/villages/:villageId/deliberations { source: { kind: 'petition', petitionId } }.
 */
@Controller('api/villages/:villageId/petitions')
export class PetitionsController {
  constructor(private readonly petitions: PetitionsService) {}

  @Post()
  @Access.village(ANY_VILLAGE_ROLE)
  create(
    @Acting() a: ActingContext,
    @Body(zod(petitionCreateSchema)) body: PetitionCreateRequest,
  ): Promise<PetitionView> {
    return this.petitions.create(a, body)
  }

  @Get()
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  list(
    @Acting() a: ActingContext,
    @Query(zod(petitionListQuerySchema)) q: PetitionListQuery,
  ): Promise<PetitionPage> {
    return this.petitions.list(a, q)
  }

  @Get(':id')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  detail(@Acting() a: ActingContext, @Param('id', IdPipe) id: number): Promise<PetitionView> {
    return this.petitions.detail(a, id)
  }

  @Post(':id/signatures')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  sign(@Acting() a: ActingContext, @Param('id', IdPipe) id: number): Promise<PetitionView> {
    return this.petitions.sign(a, id)
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  withdraw(@Acting() a: ActingContext, @Param('id', IdPipe) id: number): Promise<PetitionView> {
    return this.petitions.withdraw(a, id)
  }
}
