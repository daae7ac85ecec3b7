import type { EntityManager } from 'typeorm'
import {
  isVotingAssembly,
  REPRESENTATIVES_MEETING_ROLES,
  representativesComposition,
  residenceSettingsOf,
  votesIn,
  type Residency,
  type VillageSettings,
  type MeetingBody,
  type RepresentativesComposition,
  type Role,
} from '@xiangli/shared'
import { adultCutoff } from './adult'

/**
 * The queries that freeze a meeting's member list from the roster and the roles, in the caller's
 * transaction (the meeting notice and the schedule share them).
 *
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

/** A person of the roster due at a meeting. */
export interface BodyMember {
  id: number
  name: string
  householdId: number
  accountId: number | null
  sex: string
}

/**
 * Who is due at a meeting of this body: the roster and the roles as they are now, each resident once
 * however many of the roles they hold. In the assemblies whose vote is the villagers' legal ballot
 * (villagers' and group meetings, the representatives' meeting) a person registered elsewhere sits
 * only once admitted, and one registered here but living away only once they said they take part
 * (Art 13, shared/src/residence.ts): a meeting of a deliberation decides a matter other than an
 * election, so admitted newcomers sit in it where the village's setting says so.
 */
export async function bodyMembers(
  m: EntityManager,
  villageId: number,
  body: MeetingBody,
  meetingAt: Date,
): Promise<BodyMember[]> {
  const roles = BODY_ROLES[body]
  const where: string[] = ['r.villageId = ?']
  const args: unknown[] = [villageId]
  if (roles) {
    where.push(
      `r.id IN (SELECT ra.residentId FROM role_assignment ra WHERE ra.orgId = ? AND ra.role IN (${roles
        .map(() => '?')
        .join(', ')}) AND ra.residentId IS NOT NULL)`,
    )
    args.push(villageId, ...roles)
  } else {
    // the assemblies: everyone aged 18 or more on the day of the meeting
    where.push('r.birthDate <= ?')
    args.push(adultCutoff(meetingAt))
  }
  const rows = (await m.query(
    `SELECT r.id, r.name, r.householdId, r.accountId, r.sex, r.residency, r.takesPartOn, r.admittedOn
       FROM resident r WHERE ${where.join(' AND ')} ORDER BY r.id ASC`,
    args,
  )) as {
    id: number | string
    name: string
    householdId: number | string
    accountId: number | string | null
    sex: string
    residency: Residency
    takesPartOn: string | null
    admittedOn: string | null
  }[]
  let members = rows
  if (isVotingAssembly(body)) {
    const settings = await residenceSettingsIn(m, villageId)
    members = rows.filter((r) => votesIn(body, 'other', r, settings))
  }
  return members.map((r) => ({
    id: Number(r.id),
    name: r.name,
    householdId: Number(r.householdId),
    accountId: r.accountId === null ? null : Number(r.accountId),
    sex: r.sex,
  }))
}

/** The village's choice for admitted newcomers, read in the caller's transaction. */
async function residenceSettingsIn(m: EntityManager, villageId: number) {
  const rows = (await m.query('SELECT settings FROM org WHERE id = ?', [villageId])) as {
    settings: string | VillageSettings | null
  }[]
  const raw = rows[0]?.settings ?? null
  const parsed = typeof raw === 'string' ? (JSON.parse(raw) as VillageSettings) : raw
  return residenceSettingsOf(parsed)
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
