import { Module } from '@nestjs/common'
import { CadreReviewsModule } from '../cadre-reviews/cadre-reviews.module'
import { GrievancesModule } from '../grievances/grievances.module'
import { NewcomersModule } from '../newcomers/newcomers.module'
import { VerificationModule } from '../verification/verification.module'
import { VillageRulesModule } from '../village-rules/village-rules.module'
import { DemoSeeder } from './demo.seed'

/** The demo county, seeded through each module's own service (the others are global). */
@Module({
  imports: [GrievancesModule, VerificationModule, VillageRulesModule, CadreReviewsModule, NewcomersModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
