import type { Role } from '@xiangli/shared'
import type { Principal } from '../auth/principal'
import type { OrgDirectory, OrgRef } from './org-directory'

/**
 * The caller as the policies see them: their roles (loaded once for the request with the principal)
 * and where the villages they look at sit. Every module's policy is a set of plain functions over a
 * Viewer, so who may do what is decided in one place per module, not in checks scattered through
 * services.
 */
export class Viewer {
  private readonly orgCache = new Map<number, Promise<OrgRef | null>>()

  constructor(
    readonly principal: Principal,
    private readonly orgs: OrgDirectory,
  ) {}

  get accountId(): number {
    return this.principal.accountId
  }

  get name(): string {
    return this.principal.displayName
  }

  rolesIn(orgId: number): readonly Role[] {
    return this.principal.roles.get(orgId) ?? []
  }

  /** The first of `roles` held in the organisation, or null. */
  holds(orgId: number, roles: readonly Role[]): boolean {
    const held = this.rolesIn(orgId)
    return roles.some((r) => held.includes(r))
  }

  /** Holds any role in the village (a resident on its roster, a cadre, a supervisor…). */
  belongsTo(villageId: number): boolean {
    return this.principal.roles.has(villageId)
  }

  /** The caller's roster row in the village, if they are on it. */
  residentIdIn(villageId: number): number | null {
    return this.principal.residentIn.get(villageId) ?? null
  }

  org(id: number): Promise<OrgRef | null> {
    let found = this.orgCache.get(id)
    if (!found) {
      found = this.orgs.find(id)
      this.orgCache.set(id, found)
    }
    return found
  }

  /** An official of the township (street) the village belongs to. */
  async oversees(villageId: number): Promise<boolean> {
    const village = await this.org(villageId)
    return village?.parentId != null && this.holds(village.parentId, ['township_official'])
  }
}
