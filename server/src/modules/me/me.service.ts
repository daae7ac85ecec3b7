import { Injectable } from '@nestjs/common'
import { DataSource, In } from 'typeorm'
import {
  sortRoles,
  type Me,
  type Membership,
  type Preferences,
  type UpdatePreferencesRequest,
} from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import { AuditService } from '../../core/audit/audit.service'
import { TxService } from '../../core/tx/tx.service'
import { actorOf } from '../../core/auth/current.decorator'
import { isVerified, type Principal } from '../../core/auth/principal'
import { Account } from '../auth/entities/account.entity'
import { Org } from '../orgs/entities/org.entity'
import { VerificationService } from '../verification/verification.service'

@Injectable()
export class MeService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly verifications: VerificationService,
  ) {}

  async memberships(p: Principal): Promise<Membership[]> {
    const ids = [...p.roles.keys()]
    if (ids.length === 0) return []
    const orgs = await this.ds.getRepository(Org).findBy({ id: In(ids) })
    const parentIds = orgs.map((o) => o.parentId).filter((id): id is number => id !== null)
    const parents = new Map(
      (parentIds.length ? await this.ds.getRepository(Org).findBy({ id: In(parentIds) }) : []).map((o) => [
        o.id,
        o.name,
      ]),
    )
    return orgs
      .map((o) => ({
        orgId: o.id,
        orgName: o.name,
        orgKind: o.kind,
        parentName: o.parentId === null ? null : (parents.get(o.parentId) ?? null),
        roles: sortRoles(p.roles.get(o.id) ?? []),
      }))
      .sort((a, b) => a.orgId - b.orgId)
  }

  async me(p: Principal): Promise<Me> {
    const account = await this.ds.getRepository(Account).findOneByOrFail({ id: p.accountId })
    const memberships = await this.memberships(p)
    const preferences = { ...account.preferences }
    // a membership that ended no longer counts as the active village
    if (preferences.activeOrgId !== null && !memberships.some((m) => m.orgId === preferences.activeOrgId))
      preferences.activeOrgId = null
    return {
      accountId: p.accountId,
      displayName: account.displayName,
      verified: isVerified(p),
      verifications: await this.verifications.listMine(p.accountId),
      memberships,
      preferences,
    }
  }

  async updatePreferences(p: Principal, patch: UpdatePreferencesRequest): Promise<Preferences> {
    if (patch.activeOrgId !== undefined && patch.activeOrgId !== null && !p.roles.has(patch.activeOrgId))
      throw new AppException('OUT_OF_SCOPE')
    return this.tx.run(async (m) => {
      const account = await m.getRepository(Account).findOneByOrFail({ id: p.accountId })
      const next: Preferences = { ...account.preferences, ...patch }
      await m.getRepository(Account).update({ id: p.accountId }, { preferences: next })
      await this.audit.append(m, {
        actor: actorOf(p),
        action: 'account.preferences_updated',
        orgId: null,
        targetType: 'account',
        targetId: p.accountId,
        before: account.preferences,
        after: next,
      })
      return next
    })
  }
}
