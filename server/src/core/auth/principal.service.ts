import { Injectable } from '@nestjs/common'
import { DataSource } from 'typeorm'
import type { Role } from '@xiangli/shared'
import { AppException } from '../errors/app.exception'
import type { Principal } from './principal'
import type { AccessClaims } from './tokens.service'

/**
 * One row of the principal query: the account ('a', label = its display name), a roster row linked
 * to it ('r'), a role it holds ('g'), or the session the token names ('s', label = why it ended,
 * null while it is live).
 */
interface PrincipalRow {
  kind: 'a' | 'r' | 'g' | 's'
  id: number | string | null
  label: string | null
  orgId: number | string | null
  role: Role | null
}

/**
 * The account, its roster rows and its roles (held by the account or by one of its roster rows), in
 * one round trip: every authenticated request loads the principal afresh, so a removed role stops
 * working at once, and this is the cost every such request pays.
 */
const PRINCIPAL_SQL = `
  SELECT 'a' AS kind, id, displayName AS label, NULL AS orgId, NULL AS role FROM account WHERE id = ?
  UNION ALL
  SELECT 'r' AS kind, id, NULL AS label, villageId AS orgId, NULL AS role FROM resident WHERE accountId = ?
  UNION ALL
  SELECT 'g' AS kind, NULL AS id, NULL AS label, orgId, role FROM role_assignment
   WHERE accountId = ? OR residentId IN (SELECT id FROM resident WHERE accountId = ?)`

/** The same, and the session the access token names, by its primary key: an ended login stops at once. */
const SESSION_PRINCIPAL_SQL = `${PRINCIPAL_SQL}
  UNION ALL
  SELECT 's' AS kind, NULL AS id, endReason AS label, NULL AS orgId, NULL AS role FROM auth_session
   WHERE id = ? AND accountId = ?`

@Injectable()
export class PrincipalService {
  constructor(private readonly ds: DataSource) {}

  /** An account's principal, for work done on its behalf outside a request (demo data, listings). */
  async load(accountId: number): Promise<Principal | null> {
    const rows = (await this.ds.query(PRINCIPAL_SQL, [
      accountId,
      accountId,
      accountId,
      accountId,
    ])) as PrincipalRow[]
    return toPrincipal(accountId, rows)
  }

  /**
   * The caller behind a verified access token, or the refusal that says why there is none: the
   * account is gone or the token names no session of it (AUTH_TOKEN_INVALID), the person logged out
   * (AUTH_SESSION_ENDED), or the login was ended because its refresh token was used twice
   * (AUTH_REFRESH_REUSED).
   */
  async forToken({ accountId, sessionId }: AccessClaims): Promise<Principal> {
    const rows = (await this.ds.query(SESSION_PRINCIPAL_SQL, [
      accountId,
      accountId,
      accountId,
      accountId,
      sessionId,
      accountId,
    ])) as PrincipalRow[]
    const session = rows.find((r) => r.kind === 's')
    const principal = toPrincipal(accountId, rows)
    if (!session || !principal) throw new AppException('AUTH_TOKEN_INVALID')
    if (session.label === 'reuse') throw new AppException('AUTH_REFRESH_REUSED')
    if (session.label !== null) throw new AppException('AUTH_SESSION_ENDED')
    return principal
  }
}

function toPrincipal(accountId: number, rows: PrincipalRow[]): Principal | null {
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
    displayName: account.label ?? '',
    roles,
    residentIn: new Map(residents.map((r) => [r.villageId, r.id])),
  }
}
