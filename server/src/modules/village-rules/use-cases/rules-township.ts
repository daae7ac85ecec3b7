import { Injectable } from '@nestjs/common'
import { RULES_KIND_LABELS, type RulesCorrectionRequest, type TownshipRulesFilings } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { TownshipContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { VillageRulesRepository } from '../village-rules.repository'
import { presentCorrection } from '../village-rules.presenter'

/** The township's side of 备案: the filings of its villages, and correction orders (责令改正). */
@Injectable()
export class RulesTownship {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly orgs: OrgsService,
    private readonly repo: VillageRulesRepository,
  ) {}

  async filings(t: TownshipContext): Promise<TownshipRulesFilings> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    const names = new Map(villages.map((v) => [v.id, v.name]))
    const filings = (await this.repo.townshipFilings(t.townshipId)).filter((f) => names.has(f.villageId))
    const versions = await this.repo.versionsByIds(filings.map((f) => f.versionId))
    const corrections = await this.repo.corrections(filings.map((f) => f.id))
    return {
      townshipId: t.townshipId,
      items: filings.flatMap((f) => {
        const v = versions.find((x) => x.id === f.versionId)
        if (!v) return []
        return [
          {
            id: f.id,
            villageId: f.villageId,
            villageName: names.get(f.villageId)!,
            versionId: v.id,
            kind: v.kind,
            kindLabel: RULES_KIND_LABELS[v.kind],
            number: v.number,
            title: v.title,
            status: v.status,
            filedAt: new Date(f.filedAt).toISOString(),
            corrections: corrections.filter((c) => c.filingId === f.id).map(presentCorrection),
          },
        ]
      }),
    }
  }

  /** 责令改正 on a filing of one of its villages; the village reads it on the version's page. */
  async correct(
    t: TownshipContext,
    filingId: number,
    body: RulesCorrectionRequest,
  ): Promise<TownshipRulesFilings> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    await this.tx.run(async (m) => {
      const f = await this.repo.filing(m, t.townshipId, filingId)
      if (!f || !villages.some((v) => v.id === f.villageId)) throw new AppException('NOT_FOUND')
      const c = await this.repo.correct(m, {
        filingId: f.id,
        villageId: f.villageId,
        clause: body.clause,
        reason: body.reason,
        orderedAt: this.clock.now(),
        orderedByAccountId: t.principal.accountId,
        orderedByName: (t.actor.name ?? '').slice(0, 30),
      })
      await this.audit.append(m, {
        actor: t.actor,
        action: 'village_rules.correction_ordered',
        orgId: f.villageId,
        targetType: 'village_rules_version',
        targetId: f.versionId,
        after: { correctionId: c.id, filingId: f.id, clause: body.clause, reason: body.reason },
      })
    })
    return this.filings(t)
  }
}
