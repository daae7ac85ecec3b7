import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  grievancePage,
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
import { ContentCheckService } from '../../content-check/content-check.service'
import type { Grievance } from '../entities/grievance.entity'
import { GridsService } from '../../grids/grids.service'
import {
  canSee,
  mustSee,
  relationTo,
  seesNames,
  seesReply,
  isAnswer,
  type Relation,
  type Ties,
} from '../grievances.policy'
import { presentSummary, presentView } from '../grievances.presenter'
import {
  GrievanceListsRepository,
  type GrievanceFilter,
  type GrievancePaging,
} from '../grievance-lists.repository'
import { GrievancesRepository } from '../grievances.repository'

type Paging = GrievancePaging
type Queue = QueryOf<typeof grievanceRoutes.queue>
type Wall = QueryOf<typeof grievanceRoutes.wall>

/** Reading 村民说事: one's own items, the 说事墙, the committee's queue, one item with its timeline. */
@Injectable()
export class GrievanceReads implements OnModuleInit {
  constructor(
    private readonly repo: GrievancesRepository,
    private readonly lists: GrievanceListsRepository,
    private readonly files: FilesService,
    private readonly clock: Clock,
    private readonly orgs: OrgDirectory,
    private readonly checks: ContentCheckService,
    private readonly grids: GridsService,
  ) {}

  onModuleInit(): void {
    // photos of a grievance are seen by exactly those who may see the grievance
    this.files.registerAccess('grievance', async (p, file) => {
      const g = await this.repo.findById(file.attachedId ?? 0)
      return g !== null && canSee(await this.relation(new Viewer(p, this.orgs), g), g)
    })
    // what residents write here passes the content check; its verdict lands on the row
    this.checks.register('grievance', {
      apply: (m, id, moderation) => this.repo.setModeration(m, id, moderation),
      linkOf: (c) => grievancePage('resident', c.itemId),
    })
    this.checks.register('grievance_reply', {
      apply: (m, id, moderation) => this.repo.setReplyModeration(m, id, moderation),
      linkOf: (c) => grievancePage('resident', c.parentId ?? 0),
    })
    // the 两委's (or the township's) answer is read by others on a public item once it is shown
    this.checks.register('grievance_answer', {
      apply: (m, id, moderation) => this.repo.setAnswerModeration(m, id, moderation),
      linkOf: (c) => grievancePage('committee', c.parentId ?? 0),
    })
  }

  /** One's own: raised by oneself, or naming oneself (a grid worker's 民情收集). */
  mine(v: Viewer, villageId: number, q: Paging): Promise<Page<GrievanceSummary>> {
    const mine = { accountId: v.accountId, residentId: v.residentIdIn(villageId) }
    return this.page(v, { villageIds: [villageId], mine }, q)
  }

  /** The items handed to the viewer (a committee member, grid worker or group leader). */
  assigned(v: Viewer, villageId: number, q: Paging): Promise<Page<GrievanceSummary>> {
    return this.page(v, { villageIds: [villageId], assigneeResidentId: v.residentIdIn(villageId) ?? 0 }, q)
  }

  /** A grid's items: raised by its people or naming them; a grid worker sees only their own grid's. */
  async grid(v: Viewer, villageId: number, gridId: number, q: Paging): Promise<Page<GrievanceSummary>> {
    const people = await this.grids.residentsOfGridFor(v, villageId, gridId)
    // the 两委 and the township read the whole grid; its grid worker what the first line reads
    const frontline =
      v.holds(villageId, COMMITTEE_ROLES) || !v.holds(villageId, ['grid_worker'])
        ? undefined
        : this.frontlineOf(v, villageId)
    return this.page(v, { villageIds: [villageId], concerning: people, frontline }, q, { names: true })
  }

  private frontlineOf(v: Viewer, villageId: number): { residentId: number; accountId: number } {
    return { residentId: v.residentIdIn(villageId) ?? 0, accountId: v.accountId }
  }

  /**
   * 村民小组长: the items of their own villager group's people (raised by them or naming them), read
   * only; what is kept to the 两委 (a 邻里纠纷 unless its raiser made it public) or held by the content
   * check is not listed, unless it was handed to them.
   */
  async group(v: Viewer, villageId: number, q: Paging): Promise<Page<GrievanceSummary>> {
    const people = await this.grids.residentsOfMyGroup(v, villageId)
    const frontline = this.frontlineOf(v, villageId)
    return this.page(v, { villageIds: [villageId], group: people, frontline }, q, { names: true })
  }

  /**
   * How the viewer relates to the item, with what only a lookup tells (named in it, its grid's worker,
   * its villager group's leader).
   */
  async relation(v: Viewer, g: Grievance): Promise<Relation> {
    const me = v.residentIdIn(g.villageId)
    const subjects = g.collectorName !== null ? await this.repo.subjects(g.id) : []
    const people = [...subjects, ...(g.raiserResidentId !== null ? [g.raiserResidentId] : [])]
    const ties: Ties = {
      isNamed: me !== null && subjects.includes(me),
      isGridWorker:
        v.holds(g.villageId, ['grid_worker']) && (await this.grids.anyInGridsOf(v, g.villageId, people)),
      isGroupLeader:
        v.holds(g.villageId, ['group_leader']) && (await this.grids.anyInGroupOf(v, g.villageId, people)),
    }
    return relationTo(v, g, ties)
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
    const r = await this.relation(v, g)
    mustSee(r, g)
    const village = await v.org(g.villageId)
    // a reply the content check has not shown is read by its writer and those handling the item
    const events = (await this.repo.events(g.id)).filter((e) => seesReply(r, e))
    const rejected = events.filter((e) => e.moderation === 'rejected')
    const replyReasons = new Map([
      ...(await this.checks.reasons(
        'grievance_reply',
        rejected.filter((e) => !isAnswer(e)).map((e) => e.id),
      )),
      ...(await this.checks.reasons(
        'grievance_answer',
        rejected.filter(isAnswer).map((e) => e.id),
      )),
    ])
    return presentView(g, events, r, {
      villageName: village?.name ?? '',
      rejectedReason: await this.rejectedReason(g),
      replyReasons,
      ...(await this.repo.supportOf(g.id, v.accountId)),
      now: this.clock.now(),
      urlOf: (fileId) => this.files.signedUrl(fileId),
    })
  }

  private async rejectedReason(g: Grievance): Promise<string | null> {
    if (g.moderation !== 'rejected') return null
    return (await this.checks.reasons('grievance', [g.id])).get(g.id) ?? null
  }

  /** A page of a list; names are unmasked where the viewer handles or raised the item. */
  async page(
    v: Viewer,
    f: GrievanceFilter,
    q: Paging,
    opts: { names?: boolean } = {},
  ): Promise<Page<GrievanceSummary>> {
    if (f.villageIds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
    const { rows, total, totalAtLeast, nextAfter } = await this.lists.page(f, q)
    const support = await this.repo.supportOfMany(
      rows.map((g) => g.id),
      v.accountId,
    )
    const now = this.clock.now()
    const reasons = await this.checks.reasons(
      'grievance',
      rows.filter((g) => g.moderation === 'rejected').map((g) => g.id),
    )
    const items: GrievanceSummary[] = []
    for (const g of rows) {
      const r = await relationTo(v, g)
      items.push(
        presentSummary(g, {
          villageName: (await v.org(g.villageId))?.name ?? '',
          names: opts.names === true || seesNames(r),
          supportCount: support.counts.get(g.id) ?? 0,
          supportedByMe: support.mine.has(g.id),
          raisedByViewer: r.isRaiser,
          rejectedReason: reasons.get(g.id) ?? null,
          now,
          urlOf: (fileId) => this.files.signedUrl(fileId),
        }),
      )
    }
    return {
      items,
      total,
      page: q.page,
      pageSize: q.pageSize,
      ...(totalAtLeast ? { totalAtLeast } : {}),
      ...(nextAfter !== undefined ? { nextAfter } : {}),
    }
  }
}
