import { Module } from '@nestjs/common'
import { DeliberationsModule } from '../deliberations/deliberations.module'
import { GrievancesModule } from '../grievances/grievances.module'
import { NewcomersModule } from '../newcomers/newcomers.module'
import { VerificationModule } from '../verification/verification.module'
import { ConsentsModule } from './consents.module'
import { PrivacyController } from './http/privacy.controller'
import { PersonalDataSections } from './personal-data-sections'
import { DataDeletion } from './use-cases/data-deletion'
import { MyData } from './use-cases/my-data'

/**
 * 用户隐私保护指引 consents and 我的数据 (see, export, ask to delete). The sections come from each
 * module (the global ones need no import: auth, roster, certificates, notices, inbox).
 */
@Module({
  imports: [ConsentsModule, VerificationModule, NewcomersModule, GrievancesModule, DeliberationsModule],
  controllers: [PrivacyController],
  providers: [PersonalDataSections, MyData, DataDeletion],
})
export class PrivacyModule {}
