import { Module } from '@nestjs/common'
import { DeliberationsModule } from '../deliberations/deliberations.module'
import { CadreReviewsRepository } from './cadre-reviews.repository'
import { CadreReviewsService } from './cadre-reviews.service'
import { CadreReviewsController } from './http/cadre-reviews.controller'
import { ReviewClose } from './use-cases/review-close'
import { ReviewMeeting } from './use-cases/review-meeting'
import { ReviewReads } from './use-cases/review-reads'
import { ReviewRegister } from './use-cases/review-register'

/** 民主评议 (Art 33): its own tables; the meeting's member list comes from the deliberations' service. */
@Module({
  imports: [DeliberationsModule],
  controllers: [CadreReviewsController],
  providers: [
    CadreReviewsRepository,
    ReviewReads,
    ReviewRegister,
    ReviewMeeting,
    ReviewClose,
    CadreReviewsService,
  ],
  exports: [CadreReviewsService],
})
export class CadreReviewsModule {}
