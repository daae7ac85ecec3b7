import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { OrgView, VillageSettings, VillageView } from '@xiangli/shared'
import type { Org } from './entities/org.entity'
import { OrgsRepository, type NewOrg } from './orgs.repository'
import { OrgReads } from './use-cases/org-reads'
import { VillagerGroups } from './use-cases/villager-groups'

/** What other modules may ask of the organisation tree; the orgs module's public face. */
@Injectable()
export class OrgsService {
  constructor(
    private readonly reads: OrgReads,
    private readonly groups: VillagerGroups,
    private readonly repo: OrgsRepository,
  ) {}

  /** A village or community with its settings: ORG_NOT_FOUND or ORG_NOT_A_VILLAGE otherwise. */
  village(villageId: number): Promise<Org> {
    return this.reads.village(villageId)
  }

  /** Replaces a village's settings in the caller's transaction (the caller audits it); what they were. */
  saveSettingsIn(
    m: EntityManager,
    villageId: number,
    settings: VillageSettings,
  ): Promise<VillageSettings | null> {
    return this.repo.saveSettings(m, villageId, settings)
  }

  /** The villages and communities of a township or street, by id. */
  villagesOf(
    townshipId: number,
    page?: { after?: number; limit: number },
  ): Promise<{ id: number; name: string; createdAt: Date }[]> {
    return this.reads.villagesOf(townshipId, page)
  }

  villageView(villageId: number): Promise<VillageView> {
    return this.reads.villageView(villageId)
  }

  /** The organisations of these ids that exist, each with the name of the one above it. */
  viewsOf(ids: number[]): Promise<OrgView[]> {
    return this.reads.viewsOf(ids)
  }

  /** The names of these organisations. */
  names(ids: number[]): Promise<Map<number, string>> {
    return this.reads.names(ids)
  }

  /** Whether any organisation exists yet: the demo is seeded only into an empty database. */
  anyExists(): Promise<boolean> {
    return this.repo.any()
  }

  /** For the demo seeder: one organisation (county, township, village or group), in its transaction. */
  seedDemoOrg(m: EntityManager, org: NewOrg): Promise<Org> {
    return this.repo.insert(m, org)
  }

  /** The ids of the village's groups by name, making the missing ones in the caller's transaction. */
  ensureGroups(m: EntityManager, village: Org, names: (string | null)[]): Promise<Map<string, number>> {
    return this.groups.ensure(m, village, names)
  }
}
