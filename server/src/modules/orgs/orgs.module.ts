import { Global, Module } from '@nestjs/common'
import { OrgsController } from './http/orgs.controller'
import { OrgsRepository } from './orgs.repository'
import { OrgsService } from './orgs.service'
import { OrgReads } from './use-cases/org-reads'
import { VillageSettingsUseCase } from './use-cases/village-settings'

@Global()
@Module({
  controllers: [OrgsController],
  providers: [OrgsRepository, OrgReads, VillageSettingsUseCase, OrgsService],
  exports: [OrgsService],
})
export class OrgsModule {}
