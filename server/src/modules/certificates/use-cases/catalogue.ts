import { Injectable } from '@nestjs/common'
import {
  effectiveCatalogue,
  regionOverrideSchema,
  searchCatalogue,
  villageOverrideSchema,
  type CatalogueOverrides,
  type CatalogueSearchHit,
  type CatalogueView,
  type EffectiveCatalogue,
  type RegionOverride,
  type VillageOverride,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { presentCatalogue, presentHit } from '../certificates.presenter'
import { CertificatesRepository } from '../certificates.repository'
import { catalogueRefusal } from '../certificates.rules'

/**
 * The list a village issues from (出具证明事项清单): the national defaults, its region's changes and
 * its own; a search that answers a negative-list item with where to go instead; the admins' changes,
 * each checked so that no negative-list item gets on the list in disguise.
 */
@Injectable()
export class CertificateCatalogue {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  /** The list this village issues from: defaults, its region's changes, its own. */
  async of(villageId: number): Promise<EffectiveCatalogue> {
    const village = await this.orgs.village(villageId)
    const stored = await this.repo.overrides(regionOf(village), villageId)
    const built = effectiveCatalogue(
      stored.region as RegionOverride | null,
      stored.village as VillageOverride | null,
      village.kind === 'community' ? 'community' : 'village',
    )
    if (!built.ok) throw catalogueRefusal(built)
    return built.catalogue
  }

  async view(villageId: number): Promise<CatalogueView> {
    return presentCatalogue(await this.of(villageId))
  }

  async search(villageId: number, q: string): Promise<CatalogueSearchHit[]> {
    return searchCatalogue(q, await this.of(villageId)).map(presentHit)
  }

  /** What an admin edits: the stored changes of the village and of its region, as saved. */
  async overrides(villageId: number): Promise<CatalogueOverrides> {
    const region = regionOf(await this.orgs.village(villageId))
    const stored = await this.repo.overrides(region, villageId)
    return {
      region,
      regionOverride: stored.region,
      villageOverride: stored.village,
      catalogue: await this.view(villageId),
    }
  }

  /** A village's own changes; checked against its region's list before saving. */
  async putVillage(admin: Actor, villageId: number, body: unknown): Promise<CatalogueView> {
    const village = await this.orgs.village(villageId)
    const parsed = villageOverrideSchema.safeParse(body)
    if (!parsed.success)
      throw new AppException('CERTIFICATE_CATALOGUE_INVALID', { issues: parsed.error.issues })
    const region = (await this.repo.regionOverride(regionOf(village))) as RegionOverride | null
    const check = effectiveCatalogue(region, parsed.data)
    if (!check.ok) throw catalogueRefusal(check)
    await this.save(admin, 'village', String(villageId), villageId, parsed.data)
    return this.view(villageId)
  }

  /** A region's list (a province, city or county); the region is named in VillageSettings. */
  async putRegion(admin: Actor, region: string, body: unknown): Promise<CatalogueView> {
    const parsed = regionOverrideSchema.safeParse({ ...(body as object), region })
    if (!parsed.success)
      throw new AppException('CERTIFICATE_CATALOGUE_INVALID', { issues: parsed.error.issues })
    const check = effectiveCatalogue(parsed.data, null)
    if (!check.ok) throw catalogueRefusal(check)
    await this.save(admin, 'region', region, null, parsed.data)
    return presentCatalogue(check.catalogue)
  }

  private async save(
    admin: Actor,
    scope: 'region' | 'village',
    scopeKey: string,
    orgId: number | null,
    override: unknown,
  ): Promise<void> {
    await this.tx.run(async (m) => {
      const before = await this.repo.saveOverride(m, scope, scopeKey, override)
      await this.audit.append(m, {
        actor: admin,
        action: 'certificate.catalogue_changed',
        orgId,
        targetType: 'certificate_catalogue',
        targetId: `${scope}:${scopeKey}`,
        before,
        after: override,
      })
    })
  }
}

const regionOf = (village: { settings: { certificateRegion?: string } | null }): string =>
  village.settings?.certificateRegion ?? 'default'
