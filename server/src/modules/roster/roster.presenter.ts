import {
  sortRoles,
  votesIn,
  type AdmittingBody,
  type HouseholdView,
  type ResidenceSettings,
  type ResidenceView,
  type ResidentView,
  type Role,
} from '@xiangli/shared'
import type { Household } from './entities/household.entity'
import type { Resident } from './entities/resident.entity'

/** What a line of the roster needs besides the person's row. */
export interface ResidentContext {
  household: Household | undefined
  groupName: string | null
  roles: Role[]
  age: number
  /** the ID number as this viewer may see it: in full or masked (see roster.policy) */
  idNumber: string
  /** the phone as this viewer may see it: in full or masked (see roster.policy), null when none */
  phone: string | null
  /** a signed link to the proof of address, null when none */
  proofUrl: string | null
  /** the village's choice for admitted newcomers */
  residenceSettings: ResidenceSettings
}

/** A person's residence and what follows from it for the villagers' meeting's ballots (Art 13). */
export function presentResidence(
  r: Resident,
  proofUrl: string | null,
  settings: ResidenceSettings,
): ResidenceView {
  const standing = { residency: r.residency, takesPartOn: r.takesPartOn, admittedOn: r.admittedOn }
  return {
    residency: r.residency,
    since: r.residentSince,
    proof: r.proofFileId !== null && proofUrl ? { id: r.proofFileId, url: proofUrl } : null,
    takesPartOn: r.takesPartOn,
    admission:
      r.admittedOn && r.admissionBody && r.admissionRef
        ? { body: r.admissionBody as AdmittingBody, decisionRef: r.admissionRef, decidedOn: r.admittedOn }
        : null,
    votes: {
      election: votesIn('villagers_meeting', 'election', standing, settings),
      other: votesIn('villagers_meeting', 'other', standing, settings),
    },
  }
}

export const presentResident = (r: Resident, c: ResidentContext): ResidentView => ({
  id: r.id,
  name: r.name,
  sex: r.sex,
  birthDate: r.birthDate,
  age: c.age,
  idNumber: c.idNumber,
  phone: c.phone,
  householdId: r.householdId,
  householdCode: c.household?.code ?? '',
  groupName: c.groupName,
  isHouseholdHead: r.isHouseholdHead,
  isHouseholdRep: r.isHouseholdRep,
  residency: r.residency,
  residence: presentResidence(r, c.proofUrl, c.residenceSettings),
  linked: r.accountId !== null,
  roles: sortRoles(c.roles),
})

export const presentHousehold = (
  h: Household,
  c: { groupName: string | null; headName: string | null; memberCount: number },
): HouseholdView => ({
  id: h.id,
  code: h.code,
  address: h.address,
  groupName: c.groupName,
  headName: c.headName,
  memberCount: c.memberCount,
})
