import { Module } from '@nestjs/common'
import { DeliberationsModule } from '../deliberations/deliberations.module'
import { OrgsModule } from '../orgs/orgs.module'
import { VillageRulesController } from './http/village-rules.controller'
import { RulesAdoption } from './use-cases/rules-adoption'
import { RulesDrafting } from './use-cases/rules-drafting'
import { RulesReads } from './use-cases/rules-reads'
import { RulesTownship } from './use-cases/rules-township'
import { VillageRulesRepository } from './village-rules.repository'
import { VillageRulesService } from './village-rules.service'

/** 村规民约 and 自治章程 (Art 27), adopted through the deliberation engine. */
@Module({
  imports: [DeliberationsModule, OrgsModule],
  controllers: [VillageRulesController],
  providers: [
    VillageRulesRepository,
    RulesReads,
    RulesDrafting,
    RulesAdoption,
    RulesTownship,
    VillageRulesService,
  ],
  exports: [VillageRulesService],
})
export class VillageRulesModule {}
