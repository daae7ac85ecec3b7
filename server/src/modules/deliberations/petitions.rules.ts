import {
  defaultProcedureSettings,
  isRegisteredHere,
  petitionForcesMeeting,
  PETITION_SIGNERS_LABELS,
  PETITION_TARGET_LABELS,
  type PetitionCheck,
  type PetitionCounts,
  type PetitionCriterion,
  type PetitionRule,
  type PetitionTarget,
  type Residency,
} from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import { adultCutoff } from './adult'
import type { Petition } from './entities/petition.entity'

/** The criteria individual signatures can meet (a resident group's consent is not a signature). */
export const SIGNABLE: readonly PetitionCriterion[] = [
  'villagers',
  'residents',
  'representatives',
  'households',
]

/** The rule a petition for this meeting is held to: the village's criteria that signatures can meet. */
export function petitionRule(target: PetitionTarget): PetitionRule {
  return defaultProcedureSettings().petitions[target].filter((c) => SIGNABLE.includes(c.criterion))
}

/** What a roster person counts as when they sign. */
export interface Standing {
  residentId: number
  householdId: number
  name: string
  asAdult: boolean
  asRepresentative: boolean
  eligible: boolean
}

/** The roster person as their standing needs them. */
export interface Signer {
  id: number
  householdId: number
  name: string
  /** YYYY-MM-DD */
  birthDate: string
  residency: Residency
}

/**
 * What the person counts as for a petition for this meeting, today: an adult (for a villagers'
 * meeting, only a registered villager counts), a 村民代表, and whether they may sign at all.
 */
export function standingOf(
  r: Signer,
  isRepresentative: boolean,
  target: PetitionTarget,
  now: Date,
): Standing {
  const adult = r.birthDate <= adultCutoff(now)
  const asAdult = adult && (target !== 'villagers_meeting' || isRegisteredHere(r.residency))
  const eligible =
    target === 'representatives_meeting'
      ? isRepresentative
      : target === 'villagers_meeting'
        ? asAdult || isRepresentative
        : asAdult
  return {
    residentId: r.id,
    householdId: r.householdId,
    name: r.name,
    asAdult,
    asRepresentative: isRepresentative,
    eligible,
  }
}

/** The signatures of a petition as they count: adults, 村民代表, and households with an adult signer. */
export interface Tally {
  adults: number
  representatives: number
  households: number
}

/**
 * The signatures counted against the totals frozen when the petition started. Someone who joined the
 * roster after the start may sign; the count never exceeds the total.
 */
export function petitionCheck(p: Pick<Petition, 'rule' | 'totals'>, tally: Tally): PetitionCheck {
  const signed: Record<PetitionCriterion, number> = {
    villagers: tally.adults,
    residents: tally.adults,
    representatives: tally.representatives,
    households: tally.households,
    resident_groups: 0,
  }
  const counts: PetitionCounts = {}
  for (const { criterion } of p.rule) {
    const total = p.totals[criterion] ?? 0
    counts[criterion] = { signed: Math.min(signed[criterion], total), total }
  }
  const r = petitionForcesMeeting(p.rule, counts)
  if (!r.ok) throw new AppException(r.code, undefined, r.reason)
  return r.value
}

export function notEligible(target: PetitionTarget): AppException {
  return new AppException(
    'PETITION_NOT_ELIGIBLE',
    undefined,
    `只有${PETITION_SIGNERS_LABELS[target]}可以联名提议召开${PETITION_TARGET_LABELS[target]}`,
  )
}

/** What the audit log keeps of a petition before and after a step. */
export const snapshot = (p: Petition) => ({
  id: p.id,
  villageId: p.villageId,
  target: p.target,
  status: p.status,
})
