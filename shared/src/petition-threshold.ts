/**
 * 联名提议召开会议: how many co-signatures force the villagers', representatives' or residents' meeting
 * to be convened (村民委员会组织法 Art 21, 26; 城市居民委员会组织法 Art 10), counted with the quorum
 * arithmetic of quorum.ts.
 */
import {
  AT_LEAST_ONE_FIFTH,
  AT_LEAST_ONE_TENTH,
  AT_LEAST_ONE_THIRD,
  countNeeded,
  isCount,
  type Threshold,
} from './quorum'
import { err, ok, type Result } from './result'

/** The meetings residents can force by co-signing. */
export const PETITION_TARGETS = ['villagers_meeting', 'representatives_meeting', 'residents_meeting'] as const
export type PetitionTarget = (typeof PETITION_TARGETS)[number]

/** What a petition's signatures are counted against. */
export const PETITION_CRITERIA = [
  'villagers',
  'representatives',
  'residents',
  'households',
  'resident_groups',
] as const
export type PetitionCriterion = (typeof PETITION_CRITERIA)[number]
export const PETITION_CRITERION_LABELS: Record<PetitionCriterion, string> = {
  villagers: '十八周岁以上村民',
  representatives: '村民代表',
  residents: '十八周岁以上居民',
  households: '户',
  resident_groups: '居民小组',
}

export type PetitionRule = readonly { criterion: PetitionCriterion; threshold: Threshold }[]

/**
 * 村民委员会组织法 Art 21 (≥ 1/10 of villagers or ≥ 1/3 of representatives), Art 26 (≥ 1/5 of
 * representatives); 城市居民委员会组织法 Art 10 (≥ 1/5 of residents 18+ or of households, or ≥ 1/3 of
 * resident groups). Any one criterion met forces the meeting.
 */
export const DEFAULT_PETITION_RULES: Record<PetitionTarget, PetitionRule> = {
  villagers_meeting: [
    { criterion: 'villagers', threshold: AT_LEAST_ONE_TENTH },
    { criterion: 'representatives', threshold: AT_LEAST_ONE_THIRD },
  ],
  representatives_meeting: [{ criterion: 'representatives', threshold: AT_LEAST_ONE_FIFTH }],
  residents_meeting: [
    { criterion: 'residents', threshold: AT_LEAST_ONE_FIFTH },
    { criterion: 'households', threshold: AT_LEAST_ONE_FIFTH },
    { criterion: 'resident_groups', threshold: AT_LEAST_ONE_THIRD },
  ],
}

/** For each criterion: how many signed (persons, households or groups) out of how many there are. */
export type PetitionCounts = Partial<Record<PetitionCriterion, { signed: number; total: number }>>

export interface PetitionCheck {
  /** the committee must convene the meeting */
  forced: boolean
  by: PetitionCriterion | null
  criteria: { criterion: PetitionCriterion; signed: number; total: number; needed: number; met: boolean }[]
}

/** Whether a petition's signatures force the meeting. A criterion with no count is not met. */
export function petitionForcesMeeting(rule: PetitionRule, counts: PetitionCounts): Result<PetitionCheck> {
  const criteria: PetitionCheck['criteria'] = []
  for (const { criterion, threshold } of rule) {
    const c = counts[criterion] ?? { signed: 0, total: 0 }
    if (!isCount(c.signed) || !isCount(c.total)) return err('DELIBERATION_TALLY_INVALID')
    if (c.signed > c.total)
      return err(
        'DELIBERATION_PETITION_COUNTS_INVALID',
        `${PETITION_CRITERION_LABELS[criterion]}联名 ${c.signed}，总数只有 ${c.total}`,
      )
    const needed = countNeeded(c.total, threshold)
    criteria.push({ criterion, signed: c.signed, total: c.total, needed, met: c.signed >= needed })
  }
  const first = criteria.find((c) => c.met)
  return ok({ forced: first !== undefined, by: first?.criterion ?? null, criteria })
}
