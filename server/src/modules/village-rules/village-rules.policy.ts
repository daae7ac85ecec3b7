import { RULES_WRITERS, type RulesStatus } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'

/**
 * Who sees what of 村规民约. The routes let in who may call them; what depends on the version is here:
 * drafts and versions that did not pass are the 两委's working papers, everyone else reads what was put
 * to the village (under comment, adopted, superseded).
 */
export const writesRules = (v: Viewer, villageId: number): boolean => v.holds(villageId, RULES_WRITERS)

export const seesVersion = (status: RulesStatus, writer: boolean): boolean =>
  writer || status === 'in_adoption' || status === 'adopted' || status === 'superseded'
