import { Injectable } from '@nestjs/common'
import type { PointsTable } from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { PointsEntry } from './entities/points-entry.entity'
import { PointsRepository } from './points.repository'
import { PointsLedger, type PointsAward } from './use-cases/points-ledger'

export type { PointsAward } from './use-cases/points-ledger'

/** What other modules may do with points: award from their own events, in their own transaction. */
@Injectable()
export class PointsService {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly repo: PointsRepository,
  ) {}

  /**
   * Awards points for something that happened in another module (e.g. volunteering: kind
   * 'volunteering', sourceType 'activity', the activity's id, the hours), in the caller's
   * transaction and audited with it. Idempotent: the same source for the same person or household
   * gives back the entry already there. Null when the village has published no rules or the rule
   * gives no points.
   */
  awardIn(m: EntityManager, award: PointsAward): Promise<{ entry: PointsEntry; created: boolean } | null> {
    return this.ledger.awardIn(m, award)
  }

  /**
   * For the demo seeder, in its transaction: published rules, a shop shelf, the ranking setting and
   * a few manual awards with their reasons, written into the audit chain as every award is (the
   * verifier holds the ledger to it).
   */
  async seedDemo(
    m: EntityManager,
    villageId: number,
    demo: {
      rules: PointsTable
      publishedOn: string
      by: { accountId: number; name: string }
      items: { name: string; cost: number; stock: number }[]
      rankingPublic: boolean
      awards: { householdId: number; points: number; reason: string; at: Date }[]
    },
  ): Promise<void> {
    await this.repo.publishRules(m, {
      villageId,
      version: 1,
      points: demo.rules,
      publishedOn: demo.publishedOn,
      publishedByAccountId: demo.by.accountId,
      publishedByName: demo.by.name,
    })
    for (const i of demo.items) await this.repo.addItem(m, { villageId, ...i })
    await this.repo.setRankingPublic(m, villageId, demo.rankingPublic)
    for (const [n, a] of demo.awards.entries())
      await this.ledger.insert(
        m,
        {
          villageId,
          householdId: a.householdId,
          residentId: null,
          personName: null,
          kind: 'manual',
          points: a.points,
          sourceType: 'manual',
          sourceId: a.householdId,
          sourceLabel: a.reason,
          sourceKey: `manual:manual:${a.householdId}-demo${n}:household`,
          rulesVersion: 1,
          earnedAt: a.at,
          recordedByAccountId: demo.by.accountId,
          recordedByName: demo.by.name,
        },
        { accountId: demo.by.accountId, name: demo.by.name, role: 'committee_member' },
      )
  }
}
