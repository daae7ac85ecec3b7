import { Injectable } from '@nestjs/common'
import { isSelfGoverningUnit, type OrgView, type VillageView } from '@xiangli/shared'
import { AppException } from '../../../core/errors/app.exception'
import { RosterDirectory } from '../../roster/roster-directory'
import type { Org } from '../entities/org.entity'
import { presentOrgs, presentVillage } from '../orgs.presenter'
import { OrgsRepository } from '../orgs.repository'

/** Looking organisations up: the villages one may join, one village's profile, names for display. */
@Injectable()
export class OrgReads {
  constructor(
    private readonly repo: OrgsRepository,
    private readonly roster: RosterDirectory,
  ) {}

  /** A village or community with its settings; anything else is refused by name. */
  async village(villageId: number): Promise<Org> {
    const org = await this.repo.find(villageId)
    if (!org) throw new AppException('ORG_NOT_FOUND')
    if (!isSelfGoverningUnit(org.kind) || !org.settings) throw new AppException('ORG_NOT_A_VILLAGE')
    return org
  }

  /** Villages and communities a person can ask to join. */
  async listVillages(): Promise<OrgView[]> {
    return this.present(await this.repo.selfGoverningUnits())
  }

  /**
   * The villages and communities under a township in the order of their ids, with the day each joined
   * (its calendar's start); with `page`, at most `limit` of them after the id `after`.
   */
  async villagesOf(
    townshipId: number,
    page?: { after?: number; limit: number },
  ): Promise<{ id: number; name: string; createdAt: Date }[]> {
    return (await this.repo.selfGoverningUnitsUnder(townshipId, page)).map((o) => ({
      id: o.id,
      name: o.name,
      createdAt: o.createdAt,
    }))
  }

  /** The organisations of these ids that exist, each with the name of the one above it. */
  viewsOf(ids: number[]): Promise<OrgView[]> {
    return this.repo.views(ids)
  }

  /** The names of these organisations (a household's villager group). */
  async names(ids: number[]): Promise<Map<number, string>> {
    return new Map((await this.repo.findMany(ids)).map((o) => [o.id, o.name]))
  }

  async villageView(villageId: number): Promise<VillageView> {
    const org = await this.village(villageId)
    const [view] = await this.present([org])
    const counts = await this.roster.counts(villageId)
    return presentVillage(view!, org, counts, await this.repo.groupsOf(villageId))
  }

  private async present(orgs: Org[]): Promise<OrgView[]> {
    const parentIds = [...new Set(orgs.map((o) => o.parentId).filter((id): id is number => id !== null))]
    return presentOrgs(orgs, await this.repo.findMany(parentIds))
  }
}
