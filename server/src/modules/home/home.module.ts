import { Module } from '@nestjs/common'
import { CertificatesModule } from '../certificates/certificates.module'
import { DeliberationsModule } from '../deliberations/deliberations.module'
import { GrievancesModule } from '../grievances/grievances.module'
import { NoticesModule } from '../notices/notices.module'
import { VerificationModule } from '../verification/verification.module'
import { HomeController } from './http/home.controller'
import { TownshipDashboardUseCase } from './use-cases/township-dashboard'
import { VillageHome } from './use-cases/village-home'

@Module({
  imports: [VerificationModule, GrievancesModule, CertificatesModule, NoticesModule, DeliberationsModule],
  controllers: [HomeController],
  providers: [VillageHome, TownshipDashboardUseCase],
})
export class HomeModule {}
