import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  deadlineAfter,
  grievancePage,
  grievanceRoutes,
  type GrievanceAnswer,
  type GrievanceSummary,
  type GrievanceView,
  type Page,
  type QueryOf,
  type TownshipGrievanceStats,
} from '@xiangli/shared'
import type { TownshipContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import type { Grievance } from '../entities/grievance.entity'
import { GrievanceStatsRepository } from '../grievance-stats.repository'
import { GrievancesRepository } from '../grievances.repository'
import { day, excerpt, need } from '../grievances.rules'
import { GrievanceReads } from './grievance-reads'
import { GrievanceSteps } from './grievance-steps'

const round1 = (v: number): number => Math.round(v * 10) / 10

/** The township's oversight of its villages' issues: escalated and overdue items, answers, counts. */
@Injectable()
export class TownshipOversight {
  constructor(
    private readonly repo: GrievancesRepository,
    private readonly statsRepo: GrievanceStatsRepository,
    private readonly steps: GrievanceSteps,
    private readonly reads: GrievanceReads,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
    private readonly clock: Clock,
  ) {}

  async list(
    t: TownshipContext,
    q: QueryOf<typeof grievanceRoutes.townshipList>,
  ): Promise<Page<GrievanceSummary>> {
    const villageIds = (await this.orgs.villagesOf(t.townshipId)).map((v) => v.id)
    const ids = q.villageId === undefined ? villageIds : villageIds.filter((id) => id === q.villageId)
    return this.reads.page(t.viewer, { villageIds: ids, scope: { kind: q.scope, now: this.clock.now() } }, q)
  }

  async detail(t: TownshipContext, id: number): Promise<GrievanceView> {
    return this.reads.view(t.viewer, await this.inTownship(t.townshipId, id))
  }

  async answer(t: TownshipContext, id: number, body: GrievanceAnswer): Promise<GrievanceView> {
    const answer = await this.tx.run(async (m) => {
      const g = await this.inTownship(t.townshipId, id, m)
      return this.steps.answer(m, g, 'township_answer', t.actor, body, this.clock.now())
    })
    await this.steps.settleAnswer(answer)
    return this.detail(t, id)
  }

  /** 退回: back to the village with the township's instructions and a new time limit. */
  async sendBack(t: TownshipContext, id: number, instructions: string): Promise<GrievanceView> {
    await this.tx.run(async (m) => {
      const g = await this.inTownship(t.townshipId, id, m)
      const next = need(g.state, 'township_return')
      const now = this.clock.now()
      const dueAt = deadlineAfter('township_return', now, g.dueAt, await this.steps.limits(g.villageId))
      await this.steps.apply(
        m,
        g,
        'township_return',
        next,
        { dueAt },
        { actor: t.actor, at: now, text: instructions },
      )
      await this.steps.tell(m, t.actor, await this.steps.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.returned',
        title: '乡镇退回一件村民反映的事，请按意见办理',
        body: `「${g.title}」：${excerpt(instructions, 40)}。请在${day(dueAt!)}前答复。`,
        link: grievancePage('committee', g.id),
      })
      await this.steps.tell(m, t.actor, await this.steps.raiser(m, g), {
        orgId: g.villageId,
        kind: 'grievance.returned',
        title: '乡镇已督促村委会办理您反映的事',
        body: `「${g.title}」已由乡镇交回村委会办理，将在${day(dueAt!)}前答复。`,
        link: grievancePage('resident', g.id),
      })
    })
    return this.detail(t, id)
  }

  /** Per village: open, overdue and escalated counts, time to the first answer, the residents' ratings. */
  async stats(t: TownshipContext): Promise<TownshipGrievanceStats> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    const counts = new Map(
      (
        await this.statsRepo.countsByVillage(
          villages.map((v) => v.id),
          this.clock.now(),
        )
      ).map((c) => [c.villageId, c]),
    )
    return {
      townshipId: t.townshipId,
      villages: villages.map((v) => {
        const c = counts.get(v.id)
        return {
          villageId: v.id,
          villageName: v.name,
          total: c?.total ?? 0,
          open: c?.open ?? 0,
          overdue: c?.overdue ?? 0,
          escalated: c?.escalated ?? 0,
          averageHoursToAnswer: c?.answerMinutes == null ? null : round1(c.answerMinutes / 60),
          satisfactionAverage: c?.rating == null ? null : round1(c.rating),
          ratedCount: c?.rated ?? 0,
        }
      }),
    }
  }

  /** An item of one of the township's villages; NOT_FOUND otherwise. */
  private async inTownship(townshipId: number, id: number, m?: EntityManager): Promise<Grievance> {
    const g = await this.repo.findById(id, m)
    const village = g ? await this.orgs.village(g.villageId) : null
    if (!g || village?.parentId !== townshipId) throw new AppException('NOT_FOUND')
    return g
  }
}
