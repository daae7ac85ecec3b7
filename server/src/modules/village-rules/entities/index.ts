import { RulesCorrection } from './rules-correction.entity'
import { RulesFiling } from './rules-filing.entity'
import { RulesVersion } from './rules-version.entity'

/** The tables of 村规民约 and 自治章程; the data source gathers every module's list (src/entities.ts). */
export const VILLAGE_RULES_ENTITIES = [RulesVersion, RulesFiling, RulesCorrection]
