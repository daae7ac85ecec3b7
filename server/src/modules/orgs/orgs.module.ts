import { Global, Module } from '@nestjs/common'
import { OrgsController } from './http/orgs.controller'
import { OrgsRepository } from './orgs.repository'
import { OrgsService } from './orgs.service'
import { OrgReads } from './use-cases/org-reads'
import { VillageSettingsUseCase } from './use-cases/village-settings'
import { VillagerGroups } from './use-cases/villager-groups'

@Global()
@Module({
  controllers: [OrgsController],
  providers: [OrgsRepository, OrgReads, VillageSettingsUseCase, VillagerGroups, OrgsService],
  exports: [OrgsService],
})
export class OrgsModule {}
