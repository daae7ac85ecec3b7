import type { EntityManager } from 'typeorm'
import {
  REPRESENTATIVES_MEETING_ROLES,
  representativesComposition,
  type MeetingBody,
  type RepresentativesComposition,
  type Role,
} from '@xiangli/shared'
import { Resident } from '../roster/entities/resident.entity'
import { adultCutoff } from './adult'

/**
 * The roles whose holders make up each body, frozen into the member list at notice time. The
 * representatives' meeting is the village committee and the representatives together (Art 25); the
 * party secretary sits in it by the committee post the secretary holds. A residents' representatives'
 * meeting is the representatives the resident groups chose (居委会组织法), without the committee.
 */
const BODY_ROLES: Partial<Record<MeetingBody, readonly Role[]>> = {
  party_branch: ['party_secretary', 'committee_member'],
  joint_committees: ['party_secretary', 'committee_member'],
  party_members_meeting: ['party_member'],
  representatives_meeting: REPRESENTATIVES_MEETING_ROLES,
  residents_representatives_meeting: ['representative'],
}

export type BodyMember = Pick<Resident, 'id' | 'name' | 'householdId' | 'accountId' | 'sex'>

/**
 * Who is due at a meeting of this body: the roster and the roles as they are now, each resident once
 * however many of the roles they hold.
 */
export async function bodyMembers(
  m: EntityManager,
  villageId: number,
  body: MeetingBody,
  meetingAt: Date,
): Promise<BodyMember[]> {
  const roles = BODY_ROLES[body]
  const q = m
    .getRepository(Resident)
    .createQueryBuilder('r')
    .select(['r.id', 'r.name', 'r.householdId', 'r.accountId', 'r.sex'])
    .where('r.villageId = :v', { v: villageId })
    .orderBy('r.id', 'ASC')
  if (roles) {
    q.andWhere(
      `r.id IN (SELECT ra.residentId FROM role_assignment ra WHERE ra.orgId = :v AND ra.role IN (:...roles) AND ra.residentId IS NOT NULL)`,
      { roles },
    )
  } else {
    // the assemblies: everyone aged 18 or more on the day of the meeting (villagers: registered ones)
    q.andWhere('r.birthDate <= :cutoff', { cutoff: adultCutoff(meetingAt) })
    if (body === 'villagers_meeting' || body === 'villager_group_meeting')
      q.andWhere("r.residency = 'registered'")
  }
  return q.getMany()
}

/** The make-up of a representatives' meeting with these members against Art 25; null for other bodies. */
export async function compositionOf(
  m: EntityManager,
  villageId: number,
  body: MeetingBody,
  members: readonly BodyMember[],
): Promise<RepresentativesComposition | null> {
  if (body !== 'representatives_meeting') return null
  const rows = (await m.query(
    `SELECT DISTINCT residentId FROM role_assignment
      WHERE orgId = ? AND role = 'representative' AND residentId IS NOT NULL`,
    [villageId],
  )) as { residentId: number | string }[]
  const representatives = new Set(rows.map((r) => Number(r.residentId)))
  return representativesComposition(
    members.map((r) => ({ representative: representatives.has(r.id), female: r.sex === 'female' })),
  )
}
