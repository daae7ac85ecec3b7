import { Injectable } from '@nestjs/common'
import { DataSource } from 'typeorm'
import type { Role } from '@xiangli/shared'
import type { Principal } from './principal'

/** One row of the principal query: the account, a roster row linked to it, or a role it holds. */
interface PrincipalRow {
  kind: 'a' | 'r' | 'g'
  id: number | string | null
  displayName: string | null
  orgId: number | string | null
  role: Role | null
}

/**
 * The account, its roster rows and its roles (held by the account or by one of its roster rows), in
 * one round trip: every authenticated request loads the principal afresh, so a removed role stops
 * working at once, and this is the cost every such request pays.
 */
const PRINCIPAL_SQL = `
  SELECT 'a' AS kind, id, displayName, NULL AS orgId, NULL AS role FROM account WHERE id = ?
  UNION ALL
  SELECT 'r' AS kind, id, NULL AS displayName, villageId AS orgId, NULL AS role FROM resident WHERE accountId = ?
  UNION ALL
  SELECT 'g' AS kind, NULL AS id, NULL AS displayName, orgId, role FROM role_assignment
   WHERE accountId = ? OR residentId IN (SELECT id FROM resident WHERE accountId = ?)`

@Injectable()
export class PrincipalService {
  constructor(private readonly ds: DataSource) {}

  async load(accountId: number): Promise<Principal | null> {
    const rows = (await this.ds.query(PRINCIPAL_SQL, [
      accountId,
      accountId,
      accountId,
      accountId,
    ])) as PrincipalRow[]
    const account = rows.find((r) => r.kind === 'a')
    if (!account) return null
    const residents = rows
      .filter((r) => r.kind === 'r')
      .map((r) => ({ id: Number(r.id), villageId: Number(r.orgId) }))
    const roles = new Map<number, Role[]>()
    const add = (orgId: number, role: Role) => {
      const list = roles.get(orgId) ?? []
      if (!list.includes(role)) list.push(role)
      roles.set(orgId, list)
    }
    // being linked to a roster row is what makes one a resident of that village
    for (const r of residents) add(r.villageId, 'resident')
    for (const g of rows) if (g.kind === 'g' && g.role) add(Number(g.orgId), g.role)
    return {
      accountId,
      displayName: account.displayName ?? '',
      roles,
      residentIn: new Map(residents.map((r) => [r.villageId, r.id])),
    }
  }
}
