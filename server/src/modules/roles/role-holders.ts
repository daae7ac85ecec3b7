import { In, type EntityManager } from 'typeorm'
import type { Role } from '@xiangli/shared'
import { Resident } from '../roster/entities/resident.entity'
import { RoleAssignment } from './entities/role-assignment.entity'

/** Accounts of the people holding any of these roles in an organisation, for notifications. */
export async function accountsHolding(
  m: EntityManager,
  orgId: number,
  roles: readonly Role[],
): Promise<number[]> {
  const held = await m.getRepository(RoleAssignment).find({ where: { orgId, role: In([...roles]) } })
  const direct = held.map((h) => h.accountId).filter((id): id is number => id !== null)
  const residentIds = held.map((h) => h.residentId).filter((id): id is number => id !== null)
  const viaRoster = residentIds.length
    ? (await m.getRepository(Resident).find({ where: { id: In(residentIds) }, select: ['id', 'accountId'] }))
        .map((r) => r.accountId)
        .filter((id): id is number => id !== null)
    : []
  return [...new Set([...direct, ...viaRoster])]
}
