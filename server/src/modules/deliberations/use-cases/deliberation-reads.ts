import { Injectable } from '@nestjs/common'
import {
  deliberationEventsFrom,
  type DeliberationListQuery,
  type DeliberationSummary,
  type DeliberationView,
  type Page,
  type SolicitationView,
  type StoredFileView,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { FilesService } from '../../../core/files/files.service'
import { NoticesService } from '../../notices/notices.service'
import { BallotsRepository } from '../ballots.repository'
import { DeliberationsRepository } from '../deliberations.repository'
import { mayGiveOpinion, rolesIn } from '../deliberations.policy'
import { presentDetail, presentFile, presentSummary } from '../deliberations.presenter'
import { acceptsOpinions, awaitsPaperNotice, FILES_OF_DELIBERATION } from '../deliberations.rules'
import type { Deliberation } from '../entities/deliberation.entity'
import { MeetingsRepository } from '../meetings.repository'
import { NextActors } from '../next-actors'
import { OpinionsRepository } from '../opinions.repository'

/** Reading deliberations: the village's list and one deliberation with everything its page shows. */
@Injectable()
export class DeliberationReads {
  constructor(
    private readonly deliberations: DeliberationsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly ballots: BallotsRepository,
    private readonly opinions: OpinionsRepository,
    private readonly notices: NoticesService,
    private readonly nextActors: NextActors,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  async list(a: ActingContext, q: DeliberationListQuery): Promise<Page<DeliberationSummary>> {
    const [rows, total] = await this.deliberations.page(a.villageId, q)
    return { items: rows.map(presentSummary), total, page: q.page, pageSize: q.pageSize }
  }

  async detail(a: ActingContext, id: number): Promise<DeliberationView> {
    const m = this.deliberations.reader
    const d = await this.deliberations.find(m, a.villageId, id)
    const meetings = await this.meetings.ofDeliberation(d.id)
    const results = await this.ballots.results(meetings.map((x) => x.id))
    const notices = await this.notices.forDeliberation(d.id)
    const now = this.clock.now()
    const roles = [...rolesIn(a.viewer, a.villageId)]
    const live = meetings.find((x) => x.status === 'scheduled' && x.step === d.state.step)
    const attachments = await this.fileViews(FILES_OF_DELIBERATION, d.id)
    const solicitation = await this.solicitationView(a, d)
    return presentDetail(d, {
      attachments,
      solicitation,
      meetings,
      results,
      notices,
      actions: deliberationEventsFrom(d.procedure, d.state, roles, now),
      nextActor: await this.nextActors.view(m, d, roles, {
        awaitingPaperNotice: live !== undefined && awaitsPaperNotice(d, live),
      }),
    })
  }

  /** The files attached to a deliberation or a meeting, with signed links. */
  async fileViews(type: string, id: number): Promise<StoredFileView[]> {
    const rows = await this.deliberations.filesOf(type, [id])
    return rows.map((f) => presentFile(f, (x) => this.files.signedUrl(x)))
  }

  private async solicitationView(a: ActingContext, d: Deliberation): Promise<SolicitationView | null> {
    if (!d.procedure.steps.some((s) => s.kind === 'solicitation')) return null
    const counts = await this.opinions.counts(d.id, a.principal.accountId)
    const now = this.clock.now()
    const accepting = acceptsOpinions(d, now)
    return {
      opensAt: d.state.solicitationOpensAt ?? null,
      closesAt: d.state.solicitationClosesAt,
      accepting,
      opinionCount: counts.all,
      myOpinionCount: counts.mine,
      canGiveOpinion: accepting && mayGiveOpinion(a.viewer, d.villageId),
      now: now.toISOString(),
    }
  }
}
