import { Module } from '@nestjs/common'
import { CadreReviewsModule } from '../cadre-reviews/cadre-reviews.module'
import { GrievancesModule } from '../grievances/grievances.module'
import { VerificationModule } from '../verification/verification.module'
import { DemoSeeder } from './demo.seed'

/** The demo county, seeded through each module's own service (the others are global). */
@Module({
  imports: [GrievancesModule, VerificationModule, CadreReviewsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
