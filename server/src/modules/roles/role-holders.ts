import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { Role } from '@xiangli/shared'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import { RolesRepository } from './roles.repository'
import { residentHolder, snapshot } from './roles.rules'

export { accountsHolding } from './roles.repository'

/** What other modules may ask about who holds which role; the roles module's public face. */
@Injectable()
export class RoleHolders {
  constructor(
    private readonly repo: RolesRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Gives a village role to a roster person in the caller's transaction, when they do not hold it yet
   * (e.g. naming someone a grid's 网格员 makes them one). True when it was given now.
   */
  async grant(
    m: EntityManager,
    orgId: number,
    role: Role,
    residentId: number,
    actor: Actor,
  ): Promise<boolean> {
    if (await this.repo.residentHolds(orgId, residentId, [role], m)) return false
    const saved = await this.repo.insert(m, {
      orgId,
      role,
      residentId,
      accountId: null,
      holder: residentHolder(residentId),
    })
    await this.audit.append(m, {
      actor,
      action: 'role.assigned',
      orgId,
      targetType: 'role_assignment',
      targetId: saved.id,
      after: snapshot(saved),
    })
    return true
  }

  /** Takes a village role from a roster person in the caller's transaction; true when they held it. */
  async revoke(
    m: EntityManager,
    orgId: number,
    role: Role,
    residentId: number,
    actor: Actor,
  ): Promise<boolean> {
    const row = await this.repo.held(m, orgId, role, residentHolder(residentId))
    if (!row) return false
    await this.repo.delete(m, row.id)
    await this.audit.append(m, {
      actor,
      action: 'role.removed',
      orgId,
      targetType: 'role_assignment',
      targetId: row.id,
      before: snapshot(row),
    })
    return true
  }

  /** Accounts of the people holding any of these roles in an organisation, for notifications. */
  accountsHolding(orgId: number, roles: readonly Role[], m?: EntityManager): Promise<number[]> {
    return this.repo.accountsHolding(orgId, roles, m)
  }

  /** Whether this roster person holds one of the roles in the organisation. */
  residentHolds(
    orgId: number,
    residentId: number,
    roles: readonly Role[],
    m?: EntityManager,
  ): Promise<boolean> {
    return this.repo.residentHolds(orgId, residentId, roles, m)
  }

  /**
   * For the demo seeder: gives a role in the seeder's transaction, to a roster person (a village
   * role, which follows them to whichever account they verify with) or to an account directly.
   */
  async seedDemoRole(
    m: EntityManager,
    orgId: number,
    role: Role,
    holder: { residentId: number } | { accountId: number },
  ): Promise<void> {
    await this.repo.insert(
      m,
      'residentId' in holder
        ? {
            orgId,
            role,
            residentId: holder.residentId,
            accountId: null,
            holder: residentHolder(holder.residentId),
          }
        : { orgId, role, residentId: null, accountId: holder.accountId, holder: `a:${holder.accountId}` },
    )
  }

  /** How many roster people hold the role in the organisation (e.g. the village's 村民代表). */
  residentsHolding(orgId: number, role: Role): Promise<number> {
    return this.repo.residentsHolding(orgId, role)
  }

  /** The roles each of these roster people holds. */
  rolesOfResidents(residentIds: number[]): Promise<Map<number, Role[]>> {
    return this.repo.ofResidents(residentIds)
  }
}
