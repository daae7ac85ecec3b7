import { sortRoles, type HouseholdView, type ResidentView, type Role } from '@xiangli/shared'
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
