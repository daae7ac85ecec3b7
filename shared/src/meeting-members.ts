/**
 * Who sits in a representatives' meeting, and whether its make-up keeps 村民委员会组织法 Art 25:
 * "村民代表会议由村民委员会成员和村民代表组成，村民代表应当占村民代表会议组成人员的五分之四以上，
 * 妇女村民代表应当占村民代表会议组成人员的三分之一以上。" The committee members sit in it with the
 * representatives, so they are on its member list and count in its quorum and pass rule. A make-up
 * that breaks the fractions is the village's to mend at its next election, not a reason to stop a
 * meeting: the committee is warned, with the numbers, before it sends the notice.
 */
import type { Role } from './roles'

/** The roles whose holders a representatives' meeting is made of (committee posts and representatives). */
export const REPRESENTATIVES_MEETING_ROLES: readonly Role[] = [
  'committee_member',
  'party_secretary',
  'representative',
]

export interface CompositionMember {
  /** holds the representative role */
  representative: boolean
  female: boolean
}

export interface RepresentativesComposition {
  members: number
  representatives: number
  /** women among the representatives (妇女村民代表), as the article counts them */
  womenRepresentatives: number
  /** at least four fifths of the members */
  representativesNeeded: number
  /** at least one third of the members */
  womenNeeded: number
  representativesOk: boolean
  womenOk: boolean
  /** one sentence per broken fraction, with the numbers */
  warnings: string[]
}

/** Exact integer arithmetic: "four fifths or more" of 9 is 8, "a third or more" of 9 is 3. */
export function representativesComposition(list: readonly CompositionMember[]): RepresentativesComposition {
  const members = list.length
  const representatives = list.filter((m) => m.representative).length
  const womenRepresentatives = list.filter((m) => m.representative && m.female).length
  const representativesNeeded = Math.ceil((members * 4) / 5)
  const womenNeeded = Math.ceil(members / 3)
  const representativesOk = representatives * 5 >= members * 4
  const womenOk = womenRepresentatives * 3 >= members
  const warnings: string[] = []
  if (!representativesOk)
    warnings.push(
      `村民代表应占村民代表会议组成人员的五分之四以上：现在组成人员 ${members} 人，其中村民代表 ${representatives} 人，至少要 ${representativesNeeded} 人`,
    )
  if (!womenOk)
    warnings.push(
      `妇女村民代表应占组成人员的三分之一以上：现在组成人员 ${members} 人，其中妇女村民代表 ${womenRepresentatives} 人，至少要 ${womenNeeded} 人`,
    )
  return {
    members,
    representatives,
    womenRepresentatives,
    representativesNeeded,
    womenNeeded,
    representativesOk,
    womenOk,
    warnings,
  }
}
