import { Injectable } from '@nestjs/common'
import { DataSource, In } from 'typeorm'
import type { Role } from '@xiangli/shared'
import { Account } from '../../modules/auth/entities/account.entity'
import { Resident } from '../../modules/roster/entities/resident.entity'
import { RoleAssignment } from '../../modules/roles/entities/role-assignment.entity'
import type { Principal } from './principal'

@Injectable()
export class PrincipalService {
  constructor(private readonly ds: DataSource) {}

  async load(accountId: number): Promise<Principal | null> {
    const account = await this.ds
      .getRepository(Account)
      .findOne({ where: { id: accountId }, select: ['id', 'displayName'] })
    if (!account) return null
    const residents = await this.ds
      .getRepository(Resident)
      .find({ where: { accountId }, select: ['id', 'villageId'] })
    const residentIds = residents.map((r) => r.id)
    const assignments = await this.ds.getRepository(RoleAssignment).find({
      where: residentIds.length ? [{ accountId }, { residentId: In(residentIds) }] : [{ accountId }],
      select: ['orgId', 'role'],
    })
    const roles = new Map<number, Role[]>()
    const add = (orgId: number, role: Role) => {
      const list = roles.get(orgId) ?? []
      if (!list.includes(role)) list.push(role)
      roles.set(orgId, list)
    }
    // being linked to a roster row is what makes one a resident of that village
    for (const r of residents) add(r.villageId, 'resident')
    for (const a of assignments) add(a.orgId, a.role)
    return {
      accountId,
      displayName: account.displayName,
      roles,
      residentIn: new Map(residents.map((r) => [r.villageId, r.id])),
    }
  }
}
