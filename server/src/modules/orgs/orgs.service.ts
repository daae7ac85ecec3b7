import { Injectable } from '@nestjs/common'
import { DataSource, In } from 'typeorm'
import { isSelfGoverningUnit, type OrgView, type VillageSettings, type VillageView } from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import { TxService } from '../../core/tx/tx.service'
import { Household } from '../roster/entities/household.entity'
import { Resident } from '../roster/entities/resident.entity'
import { Org } from './entities/org.entity'

@Injectable()
export class OrgsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  async views(orgs: Org[]): Promise<OrgView[]> {
    const parentIds = [...new Set(orgs.map((o) => o.parentId).filter((id): id is number => id !== null))]
    const parents = parentIds.length ? await this.ds.getRepository(Org).findBy({ id: In(parentIds) }) : []
    const names = new Map(parents.map((p) => [p.id, p.name]))
    return orgs.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      code: o.code,
      parentId: o.parentId,
      parentName: o.parentId === null ? null : (names.get(o.parentId) ?? null),
    }))
  }

  /** Villages and communities a person can ask to join. */
  async listVillages(): Promise<OrgView[]> {
    const orgs = await this.ds
      .getRepository(Org)
      .find({ where: { kind: In(['village', 'community']) }, order: { name: 'ASC' } })
    return this.views(orgs)
  }

  async village(villageId: number): Promise<Org> {
    const org = await this.ds.getRepository(Org).findOneBy({ id: villageId })
    if (!org) throw new AppException('ORG_NOT_FOUND')
    if (!isSelfGoverningUnit(org.kind) || !org.settings) throw new AppException('ORG_NOT_A_VILLAGE')
    return org
  }

  /** The villages and communities of a township or street, by id. */
  async villagesOf(townshipId: number): Promise<{ id: number; name: string }[]> {
    const rows = await this.ds.getRepository(Org).find({
      where: { parentId: townshipId, kind: In(['village', 'community']) },
      select: ['id', 'name'],
      order: { id: 'ASC' },
    })
    return rows.map((o) => ({ id: o.id, name: o.name }))
  }

  async villageView(villageId: number): Promise<VillageView> {
    const org = await this.village(villageId)
    const [view] = await this.views([org])
    const householdCount = await this.ds.getRepository(Household).countBy({ villageId })
    const residentCount = await this.ds.getRepository(Resident).countBy({ villageId })
    const groups = await this.ds.getRepository(Org).find({
      where: { parentId: villageId, kind: 'group' },
      select: ['id', 'name'],
      order: { name: 'ASC', id: 'ASC' },
    })
    return {
      ...view!,
      settings: org.settings!,
      householdCount,
      residentCount,
      groups: groups.map((g) => ({ id: g.id, name: g.name })),
    }
  }

  async updateSettings(villageId: number, settings: VillageSettings, actor: Actor): Promise<VillageView> {
    await this.tx.run(async (m) => {
      const org = await m.getRepository(Org).findOneByOrFail({ id: villageId })
      await m.getRepository(Org).update({ id: villageId }, { settings })
      await this.audit.append(m, {
        actor,
        action: 'village.settings_updated',
        orgId: villageId,
        targetType: 'org',
        targetId: villageId,
        before: org.settings,
        after: settings,
      })
    })
    return this.villageView(villageId)
  }
}
