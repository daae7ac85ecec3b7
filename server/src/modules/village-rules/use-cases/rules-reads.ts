import { Injectable } from '@nestjs/common'
import {
  RULES_KIND_LABELS,
  RULES_KINDS,
  type PublicRules,
  type RulesKind,
  type RulesOverview,
  type RulesVersionSummary,
  type RulesVersionView,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { OrgsService } from '../../orgs/orgs.service'
import type { RulesCorrection } from '../entities/rules-correction.entity'
import { VillageRulesRepository } from '../village-rules.repository'
import { seesVersion, writesRules } from '../village-rules.policy'
import { presentSummary, presentVersion } from '../village-rules.presenter'

/** What residents, the 两委 and the township read: the versions in force, the history, one version in full. */
@Injectable()
export class RulesReads {
  constructor(
    private readonly repo: VillageRulesRepository,
    private readonly orgs: OrgsService,
  ) {}

  async overview(a: ActingContext): Promise<RulesOverview> {
    const writer = writesRules(a.viewer, a.villageId)
    const rows = await this.repo.list(a.villageId, writer)
    const filings = await this.repo.filingsOf(rows.map((r) => r.id))
    const corrections = await this.repo.corrections(filings.map((f) => f.id))
    const summaries = rows.map((r) => {
      const f = filings.find((x) => x.versionId === r.id) ?? null
      return presentSummary(r, f, f ? corrections.filter((c) => c.filingId === f.id).length : 0)
    })
    const current = Object.fromEntries(
      RULES_KINDS.map((k) => [k, summaries.find((s) => s.kind === k && s.status === 'adopted') ?? null]),
    ) as Record<RulesKind, RulesVersionSummary | null>
    const village = await this.orgs.village(a.villageId)
    return { villageId: a.villageId, villageName: village.name, current, versions: summaries }
  }

  async detail(a: ActingContext, id: number): Promise<RulesVersionView> {
    const m = this.repo.reader
    const v = await this.repo.find(m, a.villageId, id)
    const writer = writesRules(a.viewer, a.villageId)
    if (!v || !seesVersion(v.status, writer)) throw new AppException('VILLAGE_RULES_NOT_FOUND')
    const basedOn = v.basedOnId ? await this.repo.findById(m, v.basedOnId) : null
    const filing = await this.repo.filingOf(m, v.id)
    const corrections: RulesCorrection[] = filing ? await this.repo.corrections([filing.id]) : []
    return presentVersion(v, { basedOn, filing, corrections, writer })
  }

  /** Without login: the versions in force, in full, with the hash the chain recorded. */
  async publicCurrent(villageId: number): Promise<PublicRules> {
    const village = await this.orgs.village(villageId)
    const rows = await this.repo.inForce(villageId)
    return {
      villageId,
      villageName: village.name,
      current: rows.map((v) => ({
        kind: v.kind,
        kindLabel: RULES_KIND_LABELS[v.kind],
        number: v.number,
        title: v.title,
        text: v.text,
        adoptedAt: new Date(v.adoptedAt!).toISOString(),
        contentHash: v.contentHash!,
      })),
    }
  }
}
