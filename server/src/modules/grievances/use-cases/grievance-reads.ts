import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  grievanceRoutes,
  TO_ANSWER_STATES,
  type GrievanceSummary,
  type GrievanceView,
  type Page,
  type QueryOf,
} from '@xiangli/shared'
import { OrgDirectory } from '../../../core/access/org-directory'
import { Viewer } from '../../../core/access/viewer'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import type { Grievance } from '../entities/grievance.entity'
import { canSee, mustSee, relationTo, seesNames } from '../grievances.policy'
import { presentSummary, presentView } from '../grievances.presenter'
import { GrievancesRepository, type GrievanceFilter } from '../grievances.repository'

type Paging = { page: number; pageSize: number }
type Queue = QueryOf<typeof grievanceRoutes.queue>
type Wall = QueryOf<typeof grievanceRoutes.wall>

/** Reading 村民说事: one's own items, the 说事墙, the committee's queue, one item with its timeline. */
@Injectable()
export class GrievanceReads implements OnModuleInit {
  constructor(
    private readonly repo: GrievancesRepository,
    private readonly files: FilesService,
    private readonly clock: Clock,
    private readonly orgs: OrgDirectory,
  ) {}

  onModuleInit(): void {
    // photos of a grievance are seen by exactly those who may see the grievance
    this.files.registerAccess('grievance', async (p, file) => {
      const g = await this.repo.findById(file.attachedId ?? 0)
      return g !== null && canSee(await relationTo(new Viewer(p, this.orgs), g), g)
    })
  }

  mine(v: Viewer, villageId: number, q: Paging): Promise<Page<GrievanceSummary>> {
    return this.page(v, { villageIds: [villageId], raiserAccountId: v.accountId }, q)
  }

  /** 公开墙: the public items of the village, newest first, the raisers' names masked. */
  wall(v: Viewer, villageId: number, q: Wall): Promise<Page<GrievanceSummary>> {
    return this.page(v, { villageIds: [villageId], publicOnly: true, category: q.category }, q)
  }

  queue(v: Viewer, villageId: number, q: Queue): Promise<Page<GrievanceSummary>> {
    const assignee =
      q.assignee === 'none' ? null : q.assignee === 'me' ? (v.residentIdIn(villageId) ?? 0) : q.assignee
    return this.page(
      v,
      {
        villageIds: [villageId],
        state: q.status,
        states: q.toAnswer ? TO_ANSWER_STATES : undefined,
        category: q.category,
        assigneeResidentId: assignee,
        overdue: q.overdue === undefined ? undefined : { value: q.overdue, now: this.clock.now() },
      },
      q,
    )
  }

  async detail(v: Viewer, villageId: number, id: number): Promise<GrievanceView> {
    const g = await this.repo.find(villageId, id)
    if (!g) throw new AppException('NOT_FOUND')
    return this.view(v, g)
  }

  /** The item as this viewer may see it; NOT_FOUND when they may not. */
  async view(v: Viewer, g: Grievance): Promise<GrievanceView> {
    const r = await relationTo(v, g)
    mustSee(r, g)
    const village = await v.org(g.villageId)
    return presentView(g, await this.repo.events(g.id), r, {
      villageName: village?.name ?? '',
      ...(await this.repo.supportOf(g.id, v.accountId)),
      now: this.clock.now(),
      urlOf: (fileId) => this.files.signedUrl(fileId),
    })
  }

  /** A page of a list; names are unmasked where the viewer handles or raised the item. */
  async page(v: Viewer, f: GrievanceFilter, q: Paging): Promise<Page<GrievanceSummary>> {
    if (f.villageIds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
    const [rows, total] = await this.repo.page(f, q)
    const support = await this.repo.supportOfMany(
      rows.map((g) => g.id),
      v.accountId,
    )
    const now = this.clock.now()
    const items: GrievanceSummary[] = []
    for (const g of rows) {
      const r = await relationTo(v, g)
      items.push(
        presentSummary(g, {
          villageName: (await v.org(g.villageId))?.name ?? '',
          names: seesNames(r),
          supportCount: support.counts.get(g.id) ?? 0,
          supportedByMe: support.mine.has(g.id),
          raisedByViewer: r.isRaiser,
          now,
          urlOf: (fileId) => this.files.signedUrl(fileId),
        }),
      )
    }
    return { items, total, page: q.page, pageSize: q.pageSize }
  }
}
