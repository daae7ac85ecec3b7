import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { Role } from '@xiangli/shared'
import { RoleAssignment } from './entities/role-assignment.entity'

export type NewRoleAssignment = Omit<RoleAssignment, 'id' | 'createdAt'>

/**
 * Accounts of the people holding any of these roles in an organisation, for notifications. Modules
 * not yet in the house layout call this directly; the others ask RoleHolders.
 */
export async function accountsHolding(
  m: EntityManager,
  orgId: number,
  roles: readonly Role[],
): Promise<number[]> {
  if (roles.length === 0) return []
  // a role is held by an account directly (township, admin) or by a roster row linked to one
  const rows = (await m.query(
    `SELECT ra.accountId AS direct, r.accountId AS viaRoster
       FROM role_assignment ra LEFT JOIN resident r ON r.id = ra.residentId
      WHERE ra.orgId = ? AND ra.role IN (${roles.map(() => '?').join(', ')})`,
    [orgId, ...roles],
  )) as { direct: number | string | null; viaRoster: number | string | null }[]
  const ids = rows.flatMap((r) => [r.direct, r.viaRoster]).filter((id) => id !== null)
  return [...new Set(ids.map(Number))]
}

/** Every query of who holds which role. */
@Injectable()
export class RolesRepository {
  constructor(private readonly ds: DataSource) {}

  accountsHolding(
    orgId: number,
    roles: readonly Role[],
    m: EntityManager = this.ds.manager,
  ): Promise<number[]> {
    return accountsHolding(m, orgId, roles)
  }

  /** The roles held in an organisation, by role, then in the order they were given. */
  inOrg(orgId: number): Promise<RoleAssignment[]> {
    return this.ds.getRepository(RoleAssignment).find({ where: { orgId }, order: { role: 'ASC', id: 'ASC' } })
  }

  find(m: EntityManager, orgId: number, id: number): Promise<RoleAssignment | null> {
    return m.getRepository(RoleAssignment).findOneBy({ id, orgId })
  }

  held(m: EntityManager, orgId: number, role: Role, holder: string): Promise<RoleAssignment | null> {
    return m.getRepository(RoleAssignment).findOneBy({ orgId, role, holder })
  }

  /** Gives a role; the same role to the same holder twice is a unique violation. */
  insert(m: EntityManager, row: NewRoleAssignment): Promise<RoleAssignment> {
    return m.getRepository(RoleAssignment).save(row)
  }

  async delete(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(RoleAssignment).delete({ id })
  }

  residentHolds(
    orgId: number,
    residentId: number,
    roles: readonly Role[],
    m: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    return m.getRepository(RoleAssignment).existsBy({ orgId, residentId, role: In([...roles]) })
  }

  /** How many roster people hold the role in the organisation. */
  async residentsHolding(orgId: number, role: Role): Promise<number> {
    const row = await this.ds
      .getRepository(RoleAssignment)
      .createQueryBuilder('ra')
      .select('COUNT(DISTINCT ra.residentId)', 'n')
      .where('ra.orgId = :orgId AND ra.role = :role AND ra.residentId IS NOT NULL', { orgId, role })
      .getRawOne<{ n: number | string }>()
    return Number(row?.n ?? 0)
  }

  /** The roles each of these roster people holds, wherever they hold them. */
  async ofResidents(residentIds: number[]): Promise<Map<number, Role[]>> {
    const roles = new Map<number, Role[]>()
    if (residentIds.length === 0) return roles
    for (const a of await this.ds.getRepository(RoleAssignment).findBy({ residentId: In(residentIds) }))
      roles.set(a.residentId!, [...(roles.get(a.residentId!) ?? []), a.role])
    return roles
  }
}
