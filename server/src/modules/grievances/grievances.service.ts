import { Injectable, Logger, OnModuleInit } from '@nestjs/common'
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm'
import {
  COMMITTEE_ROLES,
  DEADLINE_STATES,
  DEFAULT_GRIEVANCE_CATEGORIES,
  DEFAULT_REPLY_TEMPLATES,
  GRIEVANCE_EVENT_ACTIONS,
  OPEN_STATES,
  acceptDeadline,
  deadlineAfter,
  grievancePage,
  grievanceQueueQuerySchema,
  publicWallQuerySchema,
  townshipGrievanceQuerySchema,
  isOverdue,
  maskName,
  rateGrievance,
  reopenDeadline,
  reopenGrievance,
  transitionGrievance,
  type BulkAcceptResult,
  type GrievanceAction,
  type GrievanceAnswer,
  type GrievanceCreate,
  type GrievanceEvent as GrievanceEventName,
  type GrievanceRate,
  type GrievanceReply,
  type GrievanceSettings,
  type GrievanceState,
  type GrievanceSummary,
  type GrievanceTimeLimits,
  type GrievanceView,
  type Page,
  type SupportResult,
  type TownshipGrievanceStats,
} from '@xiangli/shared'
import { z } from 'zod'
import { AuditService, SYSTEM_ACTOR, type Actor } from '../../core/audit/audit.service'
import type { ActingContext, TownshipContext } from '../../core/auth/current.decorator'
import { hasRoleIn, type Principal } from '../../core/auth/principal'
import { isUniqueViolation } from '../../core/database/errors'
import { AppException } from '../../core/errors/app.exception'
import { FilesService } from '../../core/files/files.service'
import { JobLeases } from '../../core/jobs/job-lease.service'
import { TxService } from '../../core/tx/tx.service'
import { NotifyService } from '../inbox/notify.service'
import { Org } from '../orgs/entities/org.entity'
import { RoleAssignment } from '../roles/entities/role-assignment.entity'
import { accountsHolding } from '../roles/role-holders'
import { Resident } from '../roster/entities/resident.entity'
import { GrievanceEvent } from './entities/grievance-event.entity'
import { GrievanceSettingsRow } from './entities/grievance-settings.entity'
import { GrievanceSupport } from './entities/grievance-support.entity'
import { Grievance } from './entities/grievance.entity'

export const ESCALATION_JOB = 'grievance.escalate'
/** how many overdue items one run sends up; the next run takes the rest */
const ESCALATION_BATCH = 200

/** Roles whose names show on a timeline: people acting for the village or the township, and the system. */
const OFFICIAL_ROLES = new Set<string>(['committee_member', 'party_secretary', 'township_official', 'system'])

/** What the audit digests see of a grievance. */
const snapshot = (g: Grievance) => ({
  id: g.id,
  villageId: g.villageId,
  state: g.state,
  visibility: g.visibility,
  assigneeResidentId: g.assigneeResidentId,
  dueAt: g.dueAt,
  rating: g.rating,
  reopenCount: g.reopenCount,
})

/** How the person looking relates to the grievance. */
interface Viewer {
  accountId: number
  isRaiser: boolean
  isCommittee: boolean
  isTownship: boolean
  inVillage: boolean
}

const canSee = (v: Viewer, g: Grievance): boolean =>
  v.isRaiser || v.isCommittee || v.isTownship || (g.visibility === 'public' && v.inVillage)
const seesNames = (v: Viewer): boolean => v.isRaiser || v.isCommittee || v.isTownship

/** 3月5日 in Beijing time, for notices. */
const day = (d: Date): string =>
  d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' })
const excerpt = (s: string, n: number): string =>
  Array.from(s).length > n ? Array.from(s).slice(0, n).join('') + '…' : s

export type QueueQuery = z.infer<typeof grievanceQueueQuerySchema>
export type WallQuery = z.infer<typeof publicWallQuerySchema>
export type TownshipQuery = z.infer<typeof townshipGrievanceQuerySchema>

@Injectable()
export class GrievancesService implements OnModuleInit {
  private readonly log = new Logger('Grievances')

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly leases: JobLeases,
  ) {}

  onModuleInit(): void {
    // photos of a grievance are seen by exactly those who may see the grievance
    this.files.registerAccess('grievance', async (p, file) => {
      const g = await this.ds.getRepository(Grievance).findOneBy({ id: file.attachedId ?? 0 })
      return g !== null && canSee(await this.viewer(p, g), g)
    })
  }

  // ---------- residents ----------

  async raise(a: ActingContext, body: GrievanceCreate): Promise<GrievanceView> {
    const village = await this.village(a.villageId)
    if (!(await this.settings(a.villageId)).categories.includes(body.category))
      throw new AppException('GRIEVANCE_CATEGORY_INVALID')
    const residentId = a.principal.residentIn.get(a.villageId) ?? null
    const resident = residentId ? await this.ds.getRepository(Resident).findOneBy({ id: residentId }) : null
    const actor = this.asResident(a, resident?.name)
    const now = new Date()
    const id = await this.tx.run(async (m) => {
      const g = await m.getRepository(Grievance).save({
        villageId: a.villageId,
        raiserAccountId: a.principal.accountId,
        raiserResidentId: residentId,
        raiserName: Array.from(actor.name!).slice(0, 30).join(''),
        category: body.category,
        title: body.title,
        text: body.text,
        photoIds: body.photoIds,
        location: body.location ?? null,
        visibility: body.visibility,
        state: 'submitted' as GrievanceState,
        dueAt: acceptDeadline(now, this.limitsOf(village)),
        assigneeResidentId: null,
        assigneeName: null,
        declineReason: null,
        acceptedAt: null,
        answeredAt: null,
        answerMinutes: null,
        closedAt: null,
        escalatedAt: null,
        reopenCount: 0,
        rating: null,
        ratingComment: null,
      })
      await this.attachPhotos(m, body.photoIds, g, a.principal.accountId)
      await this.addStep(m, g, 'submitted', { actor, at: now })
      await this.audit.append(m, {
        actor,
        action: 'grievance.submitted',
        orgId: g.villageId,
        targetType: 'grievance',
        targetId: g.id,
        after: snapshot(g),
      })
      await this.tell(m, actor, await accountsHolding(m, g.villageId, COMMITTEE_ROLES), {
        orgId: g.villageId,
        kind: 'grievance.submitted',
        title: '有村民反映了新问题',
        body: `「${g.title}」（${g.category}），请在${day(g.dueAt!)}前受理。`,
        link: grievancePage('committee', g.id),
      })
      return g.id
    })
    return this.detail(a.principal, a.villageId, id)
  }

  async mine(a: ActingContext, q: { page: number; pageSize: number }): Promise<Page<GrievanceSummary>> {
    const qb = this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .where('g.villageId = :v AND g.raiserAccountId = :me', { v: a.villageId, me: a.principal.accountId })
    return this.page(qb, q, a.principal)
  }

  /** 公开墙: the public items of the village, newest first, the raisers' names masked. */
  async publicWall(a: ActingContext, q: WallQuery): Promise<Page<GrievanceSummary>> {
    const qb = this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .where("g.villageId = :v AND g.visibility = 'public' AND g.state <> 'declined'", { v: a.villageId })
    if (q.category) qb.andWhere('g.category = :c', { c: q.category })
    return this.page(qb, q, a.principal)
  }

  async detail(p: Principal, villageId: number, id: number): Promise<GrievanceView> {
    const g = await this.ds.getRepository(Grievance).findOneBy({ id, villageId })
    if (!g) throw new AppException('NOT_FOUND')
    const v = await this.viewer(p, g)
    if (!canSee(v, g)) throw new AppException('NOT_FOUND')
    return this.view(g, v)
  }

  async reply(a: ActingContext, id: number, body: GrievanceReply): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, async (m, g) => {
      const v = await this.viewer(a.principal, g)
      if (!canSee(v, g)) throw new AppException('NOT_FOUND')
      if (!v.isRaiser && !v.isCommittee) throw new AppException('GRIEVANCE_NOT_YOURS')
      const actor = v.isRaiser ? this.asResident(a, g.raiserName) : a.actor
      await this.attachPhotos(m, body.photoIds, g, a.principal.accountId)
      const now = new Date()
      await this.addStep(m, g, 'replied', { actor, at: now, text: body.text, photoIds: body.photoIds })
      await this.audit.append(m, {
        actor,
        action: 'grievance.replied',
        orgId: g.villageId,
        targetType: 'grievance',
        targetId: g.id,
        after: { id: g.id, text: body.text, photoIds: body.photoIds },
      })
      if (v.isRaiser)
        await this.tell(m, actor, await this.handlers(m, g), {
          orgId: g.villageId,
          kind: 'grievance.replied',
          title: '村民补充了情况',
          body: `「${g.title}」：${excerpt(body.text, 40)}`,
          link: grievancePage('committee', g.id),
        })
      else
        await this.tell(m, actor, [g.raiserAccountId], {
          orgId: g.villageId,
          kind: 'grievance.replied',
          title: '村委会回复了您',
          body: `「${g.title}」：${excerpt(body.text, 40)}`,
          link: grievancePage('resident', g.id),
        })
    })
    return this.detail(a.principal, a.villageId, id)
  }

  async rate(a: ActingContext, id: number, body: GrievanceRate): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, async (m, g) => {
      const v = await this.viewer(a.principal, g)
      if (!canSee(v, g)) throw new AppException('NOT_FOUND')
      const t = rateGrievance(g.state, { isRaiser: v.isRaiser })
      if (!t.ok) throw new AppException(t.code)
      const now = new Date()
      const actor = this.asResident(a, g.raiserName)
      const comment = body.comment === '' ? null : body.comment
      await this.apply(
        m,
        g,
        'rate',
        t.next,
        { rating: body.rating, ratingComment: comment, closedAt: now },
        {
          actor,
          at: now,
          text: comment,
          rating: body.rating,
        },
      )
      await this.tell(m, actor, await this.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.rated',
        title: `村民评价了答复：${body.rating} 星`,
        body: `「${g.title}」${comment ? `：${comment}` : ''}`,
        link: grievancePage('committee', g.id),
      })
    })
    return this.detail(a.principal, a.villageId, id)
  }

  async reopen(a: ActingContext, id: number, reason: string): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, async (m, g) => {
      const v = await this.viewer(a.principal, g)
      if (!canSee(v, g)) throw new AppException('NOT_FOUND')
      const now = new Date()
      const t = reopenGrievance(g.state, {
        isRaiser: v.isRaiser,
        reopenCount: g.reopenCount,
        answeredAt: g.answeredAt,
        closedAt: g.closedAt,
        now,
      })
      if (!t.ok) throw new AppException(t.code)
      const limits = await this.limits(m, g.villageId)
      const dueAt = deadlineAfter('reopen', now, g.dueAt, limits)
      const actor = this.asResident(a, g.raiserName)
      await this.apply(
        m,
        g,
        'reopen',
        t.next,
        { reopenCount: g.reopenCount + 1, rating: null, ratingComment: null, closedAt: null, dueAt },
        { actor, at: now, text: reason },
      )
      await this.tell(m, actor, await this.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.reopened',
        title: '村民对答复不满意，重新提出了',
        body: `「${g.title}」：${excerpt(reason, 40)}。请在${day(dueAt!)}前再次答复。`,
        link: grievancePage('committee', g.id),
      })
    })
    return this.detail(a.principal, a.villageId, id)
  }

  /** "我也遇到": counted once per person, however often or however fast it is pressed. */
  async support(a: ActingContext, id: number): Promise<SupportResult> {
    const g = await this.supportable(a, id)
    try {
      await this.tx.run((m) =>
        m.getRepository(GrievanceSupport).insert({ grievanceId: g.id, accountId: a.principal.accountId }),
      )
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
    }
    return this.supportOf(g.id, a.principal.accountId)
  }

  async withdrawSupport(a: ActingContext, id: number): Promise<SupportResult> {
    const g = await this.supportable(a, id)
    await this.tx.run((m) =>
      m.getRepository(GrievanceSupport).delete({ grievanceId: g.id, accountId: a.principal.accountId }),
    )
    return this.supportOf(g.id, a.principal.accountId)
  }

  // ---------- committee ----------

  async queue(a: ActingContext, q: QueueQuery): Promise<Page<GrievanceSummary>> {
    const qb = this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .where('g.villageId = :v', { v: a.villageId })
    if (q.status) qb.andWhere('g.state = :s', { s: q.status })
    if (q.category) qb.andWhere('g.category = :c', { c: q.category })
    if (q.assignee === 'none') qb.andWhere('g.assigneeResidentId IS NULL')
    else if (q.assignee === 'me')
      qb.andWhere('g.assigneeResidentId = :me', { me: a.principal.residentIn.get(a.villageId) ?? 0 })
    else if (q.assignee !== undefined) qb.andWhere('g.assigneeResidentId = :r', { r: q.assignee })
    if (q.overdue !== undefined) this.whereOverdue(qb, q.overdue, new Date())
    return this.page(qb, q, a.principal)
  }

  async accept(a: ActingContext, id: number): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, (m, g) => this.acceptIn(m, g, a.actor))
    return this.detail(a.principal, a.villageId, id)
  }

  /** Each item is accepted on its own: one that cannot be accepted does not hold back the others. */
  async bulkAccept(a: ActingContext, ids: number[]): Promise<BulkAcceptResult> {
    const result: BulkAcceptResult = { accepted: [], refused: [] }
    for (const id of ids) {
      try {
        await this.inVillage(a.villageId, id, (m, g) => this.acceptIn(m, g, a.actor))
        result.accepted.push(id)
      } catch (e) {
        if (!(e instanceof AppException)) throw e
        result.refused.push({ id, code: e.code })
      }
    }
    return result
  }

  async decline(a: ActingContext, id: number, reason: string): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, async (m, g) => {
      const next = need(g.state, 'decline')
      const now = new Date()
      await this.apply(
        m,
        g,
        'decline',
        next,
        { declineReason: reason, dueAt: null },
        {
          actor: a.actor,
          at: now,
          text: reason,
        },
      )
      await this.tell(m, a.actor, [g.raiserAccountId], {
        orgId: g.villageId,
        kind: 'grievance.declined',
        title: '您反映的事未被受理',
        body: `「${g.title}」未被受理。原因：${reason}`,
        link: grievancePage('resident', g.id),
      })
    })
    return this.detail(a.principal, a.villageId, id)
  }

  async assign(a: ActingContext, id: number, residentId: number): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, async (m, g) => {
      const next = need(g.state, 'assign')
      const assignee = await m.getRepository(Resident).findOneBy({ id: residentId, villageId: g.villageId })
      const serves =
        assignee !== null &&
        (await m
          .getRepository(RoleAssignment)
          .existsBy({ orgId: g.villageId, residentId, role: In([...COMMITTEE_ROLES]) }))
      if (!assignee || !serves) throw new AppException('GRIEVANCE_ASSIGNEE_INVALID')
      const now = new Date()
      const dueAt = deadlineAfter('assign', now, g.dueAt, await this.limits(m, g.villageId))
      await this.apply(
        m,
        g,
        'assign',
        next,
        { assigneeResidentId: assignee.id, assigneeName: assignee.name, dueAt },
        { actor: a.actor, at: now, text: `交由${assignee.name}办理` },
      )
      if (assignee.accountId !== null)
        await this.tell(m, a.actor, [assignee.accountId], {
          orgId: g.villageId,
          kind: 'grievance.assigned',
          title: '有一件村民反映的事交给您办理',
          body: `「${g.title}」${dueAt ? `，请在${day(dueAt)}前答复` : ''}。`,
          link: grievancePage('committee', g.id),
        })
      await this.tell(m, a.actor, [g.raiserAccountId], {
        orgId: g.villageId,
        kind: 'grievance.assigned',
        title: '您反映的事已安排专人办理',
        body: `「${g.title}」已交由${assignee.name}办理。`,
        link: grievancePage('resident', g.id),
      })
    })
    return this.detail(a.principal, a.villageId, id)
  }

  async answer(a: ActingContext, id: number, body: GrievanceAnswer): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, (m, g) => this.answerIn(m, g, 'answer', a.actor, body))
    return this.detail(a.principal, a.villageId, id)
  }

  /** The committee sends an item up before its time runs out, e.g. when it needs the township. */
  async escalate(a: ActingContext, id: number, reason: string): Promise<GrievanceView> {
    await this.inVillage(a.villageId, id, async (m, g) => {
      const next = need(g.state, 'escalate')
      await this.escalateIn(m, g, next, a.actor, new Date(), reason)
    })
    return this.detail(a.principal, a.villageId, id)
  }

  async settings(villageId: number): Promise<GrievanceSettings> {
    const row = await this.ds.getRepository(GrievanceSettingsRow).findOneBy({ villageId })
    return {
      categories: row?.categories ?? [...DEFAULT_GRIEVANCE_CATEGORIES],
      replyTemplates: row?.replyTemplates ?? DEFAULT_REPLY_TEMPLATES.map((t) => ({ ...t })),
    }
  }

  async updateSettings(a: ActingContext, body: GrievanceSettings): Promise<GrievanceSettings> {
    const write = () =>
      this.tx.run(async (m) => {
        const repo = m.getRepository(GrievanceSettingsRow)
        const before = await repo.findOneBy({ villageId: a.villageId })
        if (before) await repo.update({ villageId: a.villageId }, body)
        else await repo.insert({ villageId: a.villageId, ...body })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'grievance.settings_updated',
          orgId: a.villageId,
          targetType: 'org',
          targetId: a.villageId,
          before: before ? { categories: before.categories, replyTemplates: before.replyTemplates } : null,
          after: body,
        })
      })
    try {
      await write()
    } catch (e) {
      // two first saves at once: the other one created the row; save over it
      if (!isUniqueViolation(e)) throw e
      await write()
    }
    return this.settings(a.villageId)
  }

  // ---------- township ----------

  async townshipList(t: TownshipContext, q: TownshipQuery): Promise<Page<GrievanceSummary>> {
    const villageIds = (await this.villagesOf(t.townshipId)).map((v) => v.id)
    const ids = q.villageId === undefined ? villageIds : villageIds.filter((id) => id === q.villageId)
    if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
    const now = new Date()
    const qb = this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .where('g.villageId IN (:...ids)', { ids })
    const overdue = 'g.state IN (:...deadline) AND g.dueAt < :now'
    const params = { deadline: [...DEADLINE_STATES], now }
    switch (q.scope) {
      case 'escalated':
        qb.andWhere("g.state = 'escalated'")
        break
      case 'overdue':
        qb.andWhere(overdue, params)
        break
      case 'attention':
        qb.andWhere(`(g.state = 'escalated' OR (${overdue}))`, params)
        break
    }
    return this.page(qb, q, t.principal)
  }

  async townshipDetail(t: TownshipContext, id: number): Promise<GrievanceView> {
    const g = await this.inTownship(this.ds.manager, t.townshipId, id)
    return this.view(g, await this.viewer(t.principal, g))
  }

  async townshipAnswer(t: TownshipContext, id: number, body: GrievanceAnswer): Promise<GrievanceView> {
    await this.tx.run(async (m) => {
      const g = await this.inTownship(m, t.townshipId, id)
      await this.answerIn(m, g, 'township_answer', t.actor, body)
    })
    return this.townshipDetail(t, id)
  }

  async townshipReturn(t: TownshipContext, id: number, instructions: string): Promise<GrievanceView> {
    await this.tx.run(async (m) => {
      const g = await this.inTownship(m, t.townshipId, id)
      const next = need(g.state, 'township_return')
      const now = new Date()
      const dueAt = deadlineAfter('township_return', now, g.dueAt, await this.limits(m, g.villageId))
      await this.apply(
        m,
        g,
        'township_return',
        next,
        { dueAt },
        { actor: t.actor, at: now, text: instructions },
      )
      await this.tell(m, t.actor, await this.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.returned',
        title: '乡镇退回一件村民反映的事，请按意见办理',
        body: `「${g.title}」：${excerpt(instructions, 40)}。请在${day(dueAt!)}前答复。`,
        link: grievancePage('committee', g.id),
      })
      await this.tell(m, t.actor, [g.raiserAccountId], {
        orgId: g.villageId,
        kind: 'grievance.returned',
        title: '乡镇已督促村委会办理您反映的事',
        body: `「${g.title}」已由乡镇交回村委会办理，将在${day(dueAt!)}前答复。`,
        link: grievancePage('resident', g.id),
      })
    })
    return this.townshipDetail(t, id)
  }

  /** Per village: open, overdue and escalated counts, time to the first answer, the residents' ratings. */
  async townshipStats(t: TownshipContext, now = new Date()): Promise<TownshipGrievanceStats> {
    const villages = await this.villagesOf(t.townshipId)
    if (villages.length === 0) return { townshipId: t.townshipId, villages: [] }
    const rows: Record<string, string | number | null>[] = await this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .select('g.villageId', 'villageId')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN g.state IN (:...open) THEN 1 ELSE 0 END)', 'open')
      .addSelect('SUM(CASE WHEN g.state IN (:...deadline) AND g.dueAt < :now THEN 1 ELSE 0 END)', 'overdue')
      .addSelect("SUM(CASE WHEN g.state = 'escalated' THEN 1 ELSE 0 END)", 'escalated')
      .addSelect('AVG(g.answerMinutes)', 'answerMinutes')
      .addSelect('AVG(g.rating)', 'rating')
      .addSelect('COUNT(g.rating)', 'rated')
      .where('g.villageId IN (:...ids)', { ids: villages.map((v) => v.id) })
      .setParameters({ open: [...OPEN_STATES], deadline: [...DEADLINE_STATES], now })
      .groupBy('g.villageId')
      .getRawMany()
    const byVillage = new Map(rows.map((r) => [Number(r.villageId), r]))
    const num = (v: string | number | null | undefined): number =>
      v === null || v === undefined ? 0 : Number(v)
    const round1 = (v: number): number => Math.round(v * 10) / 10
    return {
      townshipId: t.townshipId,
      villages: villages.map((v) => {
        const r = byVillage.get(v.id)
        return {
          villageId: v.id,
          villageName: v.name,
          total: num(r?.total),
          open: num(r?.open),
          overdue: num(r?.overdue),
          escalated: num(r?.escalated),
          averageHoursToAnswer:
            r?.answerMinutes === null || r?.answerMinutes === undefined
              ? null
              : round1(Number(r.answerMinutes) / 60),
          satisfactionAverage:
            r?.rating === null || r?.rating === undefined ? null : round1(Number(r.rating)),
          ratedCount: num(r?.rated),
        }
      }),
    }
  }

  // ---------- the escalation job ----------

  /**
   * Sends every item past its time limit up to the township. Runs on one instance at a time (the job
   * lease); and each escalation is a conditional update, so even two runners that both saw an item
   * overdue escalate, audit and notify it once.
   */
  async escalateOverdue(now = new Date()): Promise<number> {
    if (!(await this.leases.claim(ESCALATION_JOB, now))) return 0
    try {
      return await this.escalateDue(now)
    } finally {
      await this.leases.release(ESCALATION_JOB)
    }
  }

  /** The work of one run, without the lease; returns how many items this runner escalated. */
  async escalateDue(now: Date): Promise<number> {
    const due = await this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .where('g.state IN (:...deadline) AND g.dueAt < :now', { deadline: [...DEADLINE_STATES], now })
      .orderBy('g.id', 'ASC')
      .take(ESCALATION_BATCH)
      .getMany()
    let escalated = 0
    for (const g of due) {
      const t = transitionGrievance(g.state, 'escalate')
      if (!t.ok) continue
      try {
        if (await this.tx.run((m) => this.escalateIn(m, g, t.next, SYSTEM_ACTOR, now, null, now))) escalated++
      } catch (e) {
        this.log.error(`escalating grievance ${g.id} failed: ${(e as Error).stack ?? String(e)}`)
      }
    }
    if (escalated) this.log.log(`${escalated} overdue item(s) sent up to the township`)
    return escalated
  }

  // ---------- steps shared by several routes ----------

  private async acceptIn(m: EntityManager, g: Grievance, actor: Actor): Promise<void> {
    const next = need(g.state, 'accept')
    const now = new Date()
    const dueAt = deadlineAfter('accept', now, g.dueAt, await this.limits(m, g.villageId))
    await this.apply(m, g, 'accept', next, { acceptedAt: now, dueAt }, { actor, at: now })
    await this.tell(m, actor, [g.raiserAccountId], {
      orgId: g.villageId,
      kind: 'grievance.accepted',
      title: '您反映的事已受理',
      body: `「${g.title}」已由村委会受理，将在${day(dueAt!)}前答复。`,
      link: grievancePage('resident', g.id),
    })
  }

  private async answerIn(
    m: EntityManager,
    g: Grievance,
    event: 'answer' | 'township_answer',
    actor: Actor,
    body: GrievanceAnswer,
  ): Promise<void> {
    const next = need(g.state, event)
    await this.attachPhotos(m, body.photoIds, g, actor.accountId!)
    const now = new Date()
    await this.apply(
      m,
      g,
      event,
      next,
      {
        answeredAt: now,
        answerMinutes:
          g.answerMinutes ?? Math.max(0, Math.round((now.getTime() - g.createdAt.getTime()) / 60_000)),
        dueAt: null,
        closedAt: null,
        rating: null,
        ratingComment: null,
      },
      { actor, at: now, text: body.text, photoIds: body.photoIds },
    )
    const by = event === 'township_answer' ? '乡镇（街道）' : '村委会'
    await this.tell(m, actor, [g.raiserAccountId], {
      orgId: g.villageId,
      kind: `grievance.${GRIEVANCE_EVENT_ACTIONS[event]}`,
      title: `${by}答复了您反映的事`,
      body: `「${g.title}」：${excerpt(body.text, 40)}。满意请评价，不满意可在 7 天内重新提出。`,
      link: grievancePage('resident', g.id),
    })
    if (event === 'township_answer')
      await this.tell(m, actor, await this.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.township_answered',
        title: '乡镇答复了一件上报的事',
        body: `「${g.title}」：${excerpt(body.text, 40)}`,
        link: grievancePage('committee', g.id),
      })
  }

  /** False when the item moved on or is no longer overdue (`dueBefore`): someone else got there first. */
  private async escalateIn(
    m: EntityManager,
    g: Grievance,
    next: GrievanceState,
    actor: Actor,
    now: Date,
    reason: string | null,
    dueBefore?: Date,
  ): Promise<boolean> {
    const moved = await this.move(
      m,
      g,
      'escalate',
      next,
      { escalatedAt: now, dueAt: null },
      {
        actor,
        at: now,
        text: reason ?? '超过办理时限，自动上报乡镇（街道）',
      },
      dueBefore,
    )
    if (!moved) {
      if (dueBefore) return false
      throw new AppException('GRIEVANCE_CHANGED')
    }
    const village = await m.getRepository(Org).findOneByOrFail({ id: g.villageId })
    const officials = village.parentId
      ? await accountsHolding(m, village.parentId, ['township_official'])
      : []
    const why = reason ? `：${excerpt(reason, 40)}` : '，已超过办理时限'
    await this.tell(m, actor, officials, {
      orgId: village.parentId,
      kind: 'grievance.escalated',
      title: `${village.name}有一件村民反映的事上报乡镇`,
      body: `「${g.title}」${why}。`,
      link: grievancePage('township', g.id),
    })
    await this.tell(m, actor, await this.handlers(m, g), {
      orgId: g.villageId,
      kind: 'grievance.escalated',
      title: reason ? '一件村民反映的事已上报乡镇' : '一件村民反映的事超时，已上报乡镇',
      body: `「${g.title}」${why}。`,
      link: grievancePage('committee', g.id),
    })
    await this.tell(m, actor, [g.raiserAccountId], {
      orgId: g.villageId,
      kind: 'grievance.escalated',
      title: '您反映的事已上报乡镇（街道）',
      body: `「${g.title}」已交乡镇（街道）督办。`,
      link: grievancePage('resident', g.id),
    })
    return true
  }

  /** Moves the grievance or throws GRIEVANCE_CHANGED when it moved on since it was read. */
  private async apply(
    m: EntityManager,
    g: Grievance,
    event: GrievanceEventName,
    next: GrievanceState,
    changes: Partial<Grievance>,
    step: Step,
  ): Promise<void> {
    if (!(await this.move(m, g, event, next, changes, step))) throw new AppException('GRIEVANCE_CHANGED')
  }

  /**
   * The one place a grievance changes state: an UPDATE that holds only while the state is still the
   * one read (and, for the job, while it is still overdue), then its timeline step and audit entry.
   */
  private async move(
    m: EntityManager,
    g: Grievance,
    event: GrievanceEventName,
    next: GrievanceState,
    changes: Partial<Grievance>,
    step: Step,
    dueBefore?: Date,
  ): Promise<boolean> {
    const q = m
      .createQueryBuilder()
      .update(Grievance)
      .set({ ...changes, state: next })
      .where('id = :id AND state = :state', { id: g.id, state: g.state })
    if (dueBefore) q.andWhere('dueAt < :dueBefore', { dueBefore })
    const res = await q.execute()
    if (!res.affected) return false
    const before = snapshot(g)
    Object.assign(g, changes, { state: next })
    const action = GRIEVANCE_EVENT_ACTIONS[event]
    await this.addStep(m, g, action, step)
    await this.audit.append(m, {
      actor: step.actor,
      action: `grievance.${action}`,
      orgId: g.villageId,
      targetType: 'grievance',
      targetId: g.id,
      before,
      after: snapshot(g),
    })
    return true
  }

  private addStep(m: EntityManager, g: Grievance, action: GrievanceAction, step: Step): Promise<unknown> {
    return m.getRepository(GrievanceEvent).insert({
      grievanceId: g.id,
      action,
      actorAccountId: step.actor.accountId,
      actorName: step.actor.name ?? '系统',
      actorRole: step.actor.role,
      text: step.text ?? null,
      photoIds: step.photoIds ?? [],
      rating: step.rating ?? null,
      at: step.at,
    })
  }

  private async attachPhotos(
    m: EntityManager,
    ids: number[],
    g: Grievance,
    accountId: number,
  ): Promise<void> {
    const ok = await this.files.attach(
      m,
      ids,
      { villageId: g.villageId, accountId },
      { type: 'grievance', id: g.id },
    )
    if (!ok) throw new AppException('GRIEVANCE_PHOTO_INVALID')
  }

  /** Notifies people, never the person who did the thing. */
  private tell(
    m: EntityManager,
    actor: Actor,
    accountIds: number[],
    n: { orgId: number | null; kind: string; title: string; body: string; link: string },
  ): Promise<void> {
    return this.notify.notify(m, { ...n, accountIds: accountIds.filter((id) => id !== actor.accountId) })
  }

  /** Who handles the item in the village: its assignee when there is one with an account, else the 两委. */
  private async handlers(m: EntityManager, g: Grievance): Promise<number[]> {
    if (g.assigneeResidentId !== null) {
      const r = await m.getRepository(Resident).findOneBy({ id: g.assigneeResidentId })
      if (r?.accountId) return [r.accountId]
    }
    return accountsHolding(m, g.villageId, COMMITTEE_ROLES)
  }

  /** A resident raising, rating, reopening or adding to their own item acts as a villager, whatever else they are. */
  private asResident(a: ActingContext, name?: string | null): Actor {
    return { accountId: a.principal.accountId, name: name ?? a.principal.displayName, role: 'resident' }
  }

  private inVillage<T>(
    villageId: number,
    id: number,
    work: (m: EntityManager, g: Grievance) => Promise<T>,
  ): Promise<T> {
    return this.tx.run(async (m) => {
      const g = await m.getRepository(Grievance).findOneBy({ id, villageId })
      if (!g) throw new AppException('NOT_FOUND')
      return work(m, g)
    })
  }

  private async inTownship(m: EntityManager, townshipId: number, id: number): Promise<Grievance> {
    const g = await m.getRepository(Grievance).findOneBy({ id })
    const village = g ? await m.getRepository(Org).findOneBy({ id: g.villageId }) : null
    if (!g || village?.parentId !== townshipId) throw new AppException('NOT_FOUND')
    return g
  }

  private villagesOf(townshipId: number): Promise<Org[]> {
    return this.ds
      .getRepository(Org)
      .find({ where: { parentId: townshipId, kind: In(['village', 'community']) }, order: { id: 'ASC' } })
  }

  private async village(villageId: number): Promise<Org> {
    const org = await this.ds.getRepository(Org).findOneBy({ id: villageId })
    if (!org?.settings) throw new AppException('ORG_NOT_A_VILLAGE')
    return org
  }

  private limitsOf(village: Org): GrievanceTimeLimits {
    return village.settings!.timeLimits
  }

  private async limits(m: EntityManager, villageId: number): Promise<GrievanceTimeLimits> {
    const org = await m.getRepository(Org).findOneByOrFail({ id: villageId })
    return this.limitsOf(org)
  }

  private async supportable(a: ActingContext, id: number): Promise<Grievance> {
    const g = await this.ds.getRepository(Grievance).findOneBy({ id, villageId: a.villageId })
    const mine = g?.raiserAccountId === a.principal.accountId
    if (!g || (g.visibility !== 'public' && !mine)) throw new AppException('NOT_FOUND')
    if (mine) throw new AppException('GRIEVANCE_OWN_SUPPORT')
    return g
  }

  private async supportOf(grievanceId: number, accountId: number): Promise<SupportResult> {
    const repo = this.ds.getRepository(GrievanceSupport)
    return {
      supportCount: await repo.countBy({ grievanceId }),
      supportedByMe: await repo.existsBy({ grievanceId, accountId }),
    }
  }

  private whereOverdue(qb: SelectQueryBuilder<Grievance>, overdue: boolean, now: Date): void {
    const clause = 'g.state IN (:...deadline) AND g.dueAt IS NOT NULL AND g.dueAt < :now'
    qb.andWhere(overdue ? `(${clause})` : `NOT (${clause})`, { deadline: [...DEADLINE_STATES], now })
  }

  // ---------- views ----------

  private async viewer(p: Principal, g: Grievance): Promise<Viewer> {
    const village = await this.ds.getRepository(Org).findOneBy({ id: g.villageId })
    return {
      accountId: p.accountId,
      isRaiser: g.raiserAccountId === p.accountId,
      isCommittee: hasRoleIn(p, g.villageId, COMMITTEE_ROLES) !== null,
      isTownship:
        village?.parentId !== null &&
        village?.parentId !== undefined &&
        hasRoleIn(p, village.parentId, ['township_official']) !== null,
      inVillage: p.roles.has(g.villageId),
    }
  }

  private async page(
    qb: SelectQueryBuilder<Grievance>,
    q: { page: number; pageSize: number },
    p: Principal,
  ): Promise<Page<GrievanceSummary>> {
    const [rows, total] = await qb
      .orderBy('g.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
    return { items: await this.summaries(rows, p), total, page: q.page, pageSize: q.pageSize }
  }

  private async summaries(rows: Grievance[], p: Principal): Promise<GrievanceSummary[]> {
    if (rows.length === 0) return []
    const ids = rows.map((g) => g.id)
    const villageIds = [...new Set(rows.map((g) => g.villageId))]
    const villages = new Map(
      (await this.ds.getRepository(Org).findBy({ id: In(villageIds) })).map((o) => [o.id, o]),
    )
    const counts: { gid: number | string; n: number | string }[] = await this.ds
      .getRepository(GrievanceSupport)
      .createQueryBuilder('s')
      .select('s.grievanceId', 'gid')
      .addSelect('COUNT(*)', 'n')
      .where('s.grievanceId IN (:...ids)', { ids })
      .groupBy('s.grievanceId')
      .getRawMany()
    const countOf = new Map(counts.map((c) => [Number(c.gid), Number(c.n)]))
    const supported = new Set(
      (
        await this.ds
          .getRepository(GrievanceSupport)
          .find({ where: { grievanceId: In(ids), accountId: p.accountId }, select: ['grievanceId'] })
      ).map((s) => s.grievanceId),
    )
    const now = new Date()
    return rows.map((g) => {
      const village = villages.get(g.villageId)
      const names =
        g.raiserAccountId === p.accountId ||
        hasRoleIn(p, g.villageId, COMMITTEE_ROLES) !== null ||
        (village?.parentId != null && hasRoleIn(p, village.parentId, ['township_official']) !== null)
      return this.summary(
        g,
        village?.name ?? '',
        names,
        countOf.get(g.id) ?? 0,
        supported.has(g.id),
        g.raiserAccountId === p.accountId,
        now,
      )
    })
  }

  private summary(
    g: Grievance,
    villageName: string,
    names: boolean,
    supportCount: number,
    supportedByMe: boolean,
    raisedByViewer: boolean,
    now: Date,
  ): GrievanceSummary {
    return {
      id: g.id,
      villageId: g.villageId,
      villageName,
      category: g.category,
      title: g.title,
      excerpt: excerpt(g.text, 60),
      state: g.state,
      visibility: g.visibility,
      raiserName: names ? g.raiserName : maskName(g.raiserName),
      assigneeName: g.assigneeName,
      createdAt: g.createdAt.toISOString(),
      dueAt: g.dueAt ? g.dueAt.toISOString() : null,
      overdue: isOverdue(g, now),
      supportCount,
      supportedByMe,
      mine: raisedByViewer,
      photoUrls: g.photoIds.map((id) => this.files.signedUrl(id)),
      rating: g.rating,
    }
  }

  private async view(g: Grievance, v: Viewer): Promise<GrievanceView> {
    const village = await this.ds.getRepository(Org).findOneBy({ id: g.villageId })
    const events = await this.ds
      .getRepository(GrievanceEvent)
      .find({ where: { grievanceId: g.id }, order: { id: 'ASC' } })
    const support = await this.supportOf(g.id, v.accountId)
    const now = new Date()
    const names = seesNames(v)
    const reopenable =
      v.isRaiser &&
      reopenGrievance(g.state, {
        isRaiser: true,
        reopenCount: g.reopenCount,
        answeredAt: g.answeredAt,
        closedAt: g.closedAt,
        now,
      }).ok
    const iso = (d: Date | null) => (d ? d.toISOString() : null)
    return {
      ...this.summary(
        g,
        village?.name ?? '',
        names,
        support.supportCount,
        support.supportedByMe,
        v.isRaiser,
        now,
      ),
      text: g.text,
      location: g.location,
      assigneeResidentId: names ? g.assigneeResidentId : null,
      acceptedAt: iso(g.acceptedAt),
      answeredAt: iso(g.answeredAt),
      closedAt: iso(g.closedAt),
      escalatedAt: iso(g.escalatedAt),
      ratingComment: g.ratingComment,
      reopenCount: g.reopenCount,
      reopenableUntil: reopenable ? iso(reopenDeadline(g)) : null,
      timeline: events.map((e) => ({
        at: e.at.toISOString(),
        actorName: names || OFFICIAL_ROLES.has(e.actorRole ?? '') ? e.actorName : maskName(e.actorName),
        actorRole: e.actorRole,
        action: e.action,
        text: e.text,
        photoUrls: e.photoIds.map((id) => this.files.signedUrl(id)),
        rating: e.rating,
      })),
    }
  }
}

interface Step {
  actor: Actor
  at: Date
  text?: string | null
  photoIds?: number[]
  rating?: number | null
}

/** The next state for an event, or the refusal as an exception. */
function need(state: GrievanceState, event: GrievanceEventName): GrievanceState {
  const t = transitionGrievance(state, event)
  if (!t.ok) throw new AppException(t.code)
  return t.next
}
