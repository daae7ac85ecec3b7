import { Injectable } from '@nestjs/common'
import {
  ROLE_LABELS,
  roleAllowedAt,
  type AssignRoleRequest,
  type Ok,
  type RoleHolderView,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { AccountsDirectory } from '../../auth/accounts-directory'
import { NotifyService } from '../../inbox/notify.service'
import { OrgsService } from '../../orgs/orgs.service'
import { RosterDirectory } from '../../roster/roster-directory'
import { presentHolders } from '../roles.presenter'
import { RolesRepository } from '../roles.repository'
import { residentHolder, snapshot } from '../roles.rules'

/** A village's posts (职务): who holds which, giving one to a person on the roster, taking one away. */
@Injectable()
export class RoleRegister {
  constructor(
    private readonly repo: RolesRepository,
    private readonly accounts: AccountsDirectory,
    private readonly roster: RosterDirectory,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
  ) {}

  async list(orgId: number): Promise<RoleHolderView[]> {
    const rows = await this.repo.inOrg(orgId)
    const residentIds = rows.map((r) => r.residentId).filter((id): id is number => id !== null)
    const accountIds = rows.map((r) => r.accountId).filter((id): id is number => id !== null)
    return presentHolders(rows, {
      residents: await this.roster.names(residentIds),
      accounts: await this.accounts.names(accountIds),
    })
  }

  async assign(villageId: number, body: AssignRoleRequest, actor: Actor): Promise<RoleHolderView> {
    const village = await this.orgs.village(villageId)
    if (!roleAllowedAt(body.role, village.kind)) throw new AppException('ROLE_NOT_ALLOWED_FOR_ORG')
    try {
      const id = await this.tx.run(async (m) => {
        const resident = await this.roster.person(villageId, body.residentId, m)
        if (!resident) throw new AppException('NOT_FOUND', undefined, '花名册里没有这个人')
        const saved = await this.repo.insert(m, {
          orgId: villageId,
          role: body.role,
          residentId: resident.id,
          accountId: null,
          holder: residentHolder(resident.id),
        })
        await this.audit.append(m, {
          actor,
          action: 'role.assigned',
          orgId: villageId,
          targetType: 'role_assignment',
          targetId: saved.id,
          after: snapshot(saved),
        })
        if (resident.accountId !== null)
          await this.notify.notify(m, {
            accountIds: [resident.accountId],
            orgId: villageId,
            kind: 'role.assigned',
            title: `您已担任${ROLE_LABELS[body.role]}`,
            body: `${village.name}已登记您为${ROLE_LABELS[body.role]}。`,
            link: '/pages/mine/index',
          })
        return saved.id
      })
      return (await this.list(villageId)).find((r) => r.id === id)!
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('ROLE_ALREADY_HELD')
      throw e
    }
  }

  async remove(villageId: number, id: number, actor: Actor): Promise<Ok> {
    await this.tx.run(async (m) => {
      const row = await this.repo.find(m, villageId, id)
      if (!row) throw new AppException('NOT_FOUND')
      await this.repo.delete(m, id)
      await this.audit.append(m, {
        actor,
        action: 'role.removed',
        orgId: villageId,
        targetType: 'role_assignment',
        targetId: id,
        before: snapshot(row),
      })
    })
    return { ok: true }
  }
}
