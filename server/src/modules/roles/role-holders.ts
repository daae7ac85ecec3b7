import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { Role } from '@xiangli/shared'
import { RoleAssignment } from './entities/role-assignment.entity'

/** Accounts of the people holding any of these roles in an organisation, for notifications. */
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

/** What other modules may ask about who holds which role; the roles module's public face. */
@Injectable()
export class RoleHolders {
  constructor(private readonly ds: DataSource) {}

  accountsHolding(
    orgId: number,
    roles: readonly Role[],
    m: EntityManager = this.ds.manager,
  ): Promise<number[]> {
    return accountsHolding(m, orgId, roles)
  }

  /** Whether this roster person holds one of the roles in the organisation. */
  residentHolds(
    orgId: number,
    residentId: number,
    roles: readonly Role[],
    m: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    return m.getRepository(RoleAssignment).existsBy({ orgId, residentId, role: In([...roles]) })
  }
}
