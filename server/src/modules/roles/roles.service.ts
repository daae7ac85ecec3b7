import { Injectable } from '@nestjs/common'
import { DataSource, In } from 'typeorm'
import { ROLE_LABELS, roleAllowedAt, type AssignRoleRequest, type RoleHolderView } from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import { TxService } from '../../core/tx/tx.service'
import { isUniqueViolation } from '../../core/database/errors'
import { NotifyService } from '../inbox/notify.service'
import { OrgsService } from '../orgs/orgs.service'
import { Account } from '../auth/entities/account.entity'
import { Resident } from '../roster/entities/resident.entity'
import { RoleAssignment } from './entities/role-assignment.entity'

const snapshot = (a: RoleAssignment) => ({
  id: a.id,
  orgId: a.orgId,
  role: a.role,
  residentId: a.residentId,
  accountId: a.accountId,
})

@Injectable()
export class RolesService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly orgs: OrgsService,
  ) {}

  async list(orgId: number): Promise<RoleHolderView[]> {
    const rows = await this.ds
      .getRepository(RoleAssignment)
      .find({ where: { orgId }, order: { role: 'ASC', id: 'ASC' } })
    const residentIds = rows.map((r) => r.residentId).filter((id): id is number => id !== null)
    const accountIds = rows.map((r) => r.accountId).filter((id): id is number => id !== null)
    const residents = new Map(
      (residentIds.length ? await this.ds.getRepository(Resident).findBy({ id: In(residentIds) }) : []).map(
        (r) => [r.id, r.name],
      ),
    )
    const accounts = new Map(
      (accountIds.length ? await this.ds.getRepository(Account).findBy({ id: In(accountIds) }) : []).map(
        (a) => [a.id, a.displayName],
      ),
    )
    return rows.map((r) => ({
      id: r.id,
      residentId: r.residentId,
      accountId: r.accountId,
      name:
        (r.residentId !== null
          ? residents.get(r.residentId)
          : r.accountId !== null
            ? accounts.get(r.accountId)
            : null) ?? '',
      role: r.role,
      since: r.createdAt.toISOString(),
    }))
  }

  async assign(villageId: number, body: AssignRoleRequest, actor: Actor): Promise<RoleHolderView> {
    const village = await this.orgs.village(villageId)
    if (!roleAllowedAt(body.role, village.kind)) throw new AppException('ROLE_NOT_ALLOWED_FOR_ORG')
    try {
      const id = await this.tx.run(async (m) => {
        const resident = await m.getRepository(Resident).findOneBy({ id: body.residentId, villageId })
        if (!resident) throw new AppException('NOT_FOUND', undefined, '花名册里没有这个人')
        const saved = await m.getRepository(RoleAssignment).save({
          orgId: villageId,
          role: body.role,
          residentId: resident.id,
          accountId: null,
          holder: `r:${resident.id}`,
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

  async remove(villageId: number, id: number, actor: Actor): Promise<{ ok: true }> {
    await this.tx.run(async (m) => {
      const row = await m.getRepository(RoleAssignment).findOneBy({ id, orgId: villageId })
      if (!row) throw new AppException('NOT_FOUND')
      await m.getRepository(RoleAssignment).delete({ id })
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
