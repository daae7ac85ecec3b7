import { Injectable } from '@nestjs/common'
import {
  beijingDate,
  POINTS_RULE_KINDS,
  type PointsOverview,
  type PointsRulesRequest,
  type PointsRulesView,
  type PointsSettingsRequest,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AuditService } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { isPointsCommittee } from '../points.policy'
import { presentRules } from '../points.presenter'
import { PointsRepository } from '../points.repository'

/**
 * The published rules: the 两委 set the points of each kind and publish them as a new version with
 * its day; past entries keep the version they were counted under. Whether the ranking is public.
 */
@Injectable()
export class PointsRules {
  constructor(
    private readonly repo: PointsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tx: TxService,
  ) {}

  async overview(a: ActingContext): Promise<PointsOverview> {
    const rules = await this.repo.currentRules(a.villageId)
    return {
      rules: rules ? presentRules(rules) : null,
      rankingPublic: await this.repo.rankingPublic(a.villageId),
      myHouseholdId: null,
      committee: isPointsCommittee(a.viewer, a.villageId),
    }
  }

  async history(a: ActingContext): Promise<PointsRulesView[]> {
    return (await this.repo.rulesHistory(a.villageId)).map(presentRules)
  }

  async publish(a: ActingContext, body: PointsRulesRequest): Promise<PointsRulesView> {
    try {
      const row = await this.tx.run(async (m) => {
        const current = await this.repo.currentRules(a.villageId, m)
        if (current && POINTS_RULE_KINDS.every((k) => current.points[k] === body.points[k]))
          throw new AppException('POINTS_RULES_UNCHANGED')
        const row = await this.repo.publishRules(m, {
          villageId: a.villageId,
          version: (current?.version ?? 0) + 1,
          points: body.points,
          publishedOn: beijingDate(this.clock.now()),
          publishedByAccountId: a.principal.accountId,
          publishedByName: (a.actor.name ?? '').slice(0, 30),
        })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'points.rules_published',
          orgId: a.villageId,
          targetType: 'points_rules',
          targetId: row.version,
          before: current ? { version: current.version, points: current.points } : undefined,
          after: { version: row.version, points: row.points, publishedOn: row.publishedOn },
        })
        return row
      })
      return presentRules(row)
    } catch (e) {
      // two publications at once: the other one took the version number
      if (isUniqueViolation(e)) throw new AppException('POINTS_RULES_PUBLISHED_MEANWHILE')
      throw e
    }
  }

  async settings(a: ActingContext, body: PointsSettingsRequest): Promise<PointsOverview> {
    const before = await this.repo.rankingPublic(a.villageId)
    if (before !== body.rankingPublic)
      await this.tx.run(async (m) => {
        await this.repo.setRankingPublic(m, a.villageId, body.rankingPublic)
        await this.audit.append(m, {
          actor: a.actor,
          action: 'points.settings_changed',
          orgId: a.villageId,
          targetType: 'points_settings',
          targetId: a.villageId,
          before: { rankingPublic: before },
          after: { rankingPublic: body.rankingPublic },
        })
      })
    return this.overview(a)
  }
}
