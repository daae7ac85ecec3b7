import { Injectable } from '@nestjs/common'
import type { Me, Membership, Preferences, UpdatePreferencesRequest } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { actorOf } from '../../../core/auth/current.decorator'
import { isVerified, type Principal } from '../../../core/auth/principal'
import { TxService } from '../../../core/tx/tx.service'
import { AccountsDirectory } from '../../auth/accounts-directory'
import { OrgsService } from '../../orgs/orgs.service'
import { VerificationService } from '../../verification/verification.service'
import { mustBelongTo } from '../me.policy'
import { presentMemberships } from '../me.presenter'
import { currentPreferences } from '../me.rules'

/** The caller's own profile: who they are, where they belong, and their preferences. */
@Injectable()
export class MyAccount {
  constructor(
    private readonly accounts: AccountsDirectory,
    private readonly orgs: OrgsService,
    private readonly verifications: VerificationService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  async memberships(p: Principal): Promise<Membership[]> {
    const ids = [...p.roles.keys()]
    if (ids.length === 0) return []
    return presentMemberships(await this.orgs.viewsOf(ids), p.roles)
  }

  async me(p: Principal): Promise<Me> {
    const account = await this.accounts.account(p.accountId)
    const memberships = await this.memberships(p)
    return {
      accountId: p.accountId,
      displayName: account.displayName,
      verified: isVerified(p),
      verifications: await this.verifications.listMine(p.accountId),
      memberships,
      preferences: currentPreferences(account.preferences, memberships),
    }
  }

  async updatePreferences(p: Principal, patch: UpdatePreferencesRequest): Promise<Preferences> {
    if (patch.activeOrgId !== undefined && patch.activeOrgId !== null) mustBelongTo(p, patch.activeOrgId)
    return this.tx.run(async (m) => {
      const before = (await this.accounts.account(p.accountId, m)).preferences
      const next: Preferences = { ...before, ...patch }
      await this.accounts.savePreferences(m, p.accountId, next)
      await this.audit.append(m, {
        actor: actorOf(p),
        action: 'account.preferences_updated',
        orgId: null,
        targetType: 'account',
        targetId: p.accountId,
        before,
        after: next,
      })
      return next
    })
  }
}
