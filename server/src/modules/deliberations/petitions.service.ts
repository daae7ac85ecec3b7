import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import {
  COMMITTEE_ROLES,
  defaultProcedureSettings,
  deliberationPage,
  petitionPage,
  isPetitionSignable,
  petitionCriteriaView,
  petitionForcesMeeting,
  petitionTargetsFor,
  PETITION_CRITERION_LABELS,
  PETITION_SIGNERS_LABELS,
  PETITION_STATUS_LABELS,
  PETITION_TARGET_LABELS,
  thresholdLabel,
  type PetitionCheck,
  type PetitionCounts,
  type PetitionCreateRequest,
  type PetitionCriterion,
  type PetitionListQuery,
  type PetitionPage,
  type PetitionRule,
  type PetitionSummary,
  type PetitionTarget,
  type PetitionView,
  type Role,
} from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../core/audit/audit.service'
import type { ActingContext } from '../../core/auth/current.decorator'
import { isUniqueViolation } from '../../core/database/errors'
import { AppException } from '../../core/errors/app.exception'
import { TxService } from '../../core/tx/tx.service'
import { NotifyService } from '../inbox/notify.service'
import { Org } from '../orgs/entities/org.entity'
import { Resident } from '../roster/entities/resident.entity'
import { adultCutoff } from './adult'
import { PetitionSignature } from './entities/petition-signature.entity'
import { Petition } from './entities/petition.entity'

/** The criteria individual signatures can meet (a resident group's consent is not a signature). */
const SIGNABLE: readonly PetitionCriterion[] = ['villagers', 'residents', 'representatives', 'households']

/** What a roster person counts as when they sign. */
interface Standing {
  residentId: number
  householdId: number
  name: string
  asAdult: boolean
  asRepresentative: boolean
  eligible: boolean
}

const snapshot = (p: Petition) => ({ id: p.id, villageId: p.villageId, target: p.target, status: p.status })

/**
 * 联名提议: residents co-sign a request that a meeting be convened; at the legal threshold the
 * committee is told, once, that it must convene. The committee then starts a deliberation with the
 * petition as its source (DeliberationsService.create), which marks it convened.
 */
@Injectable()
export class PetitionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
  ) {}

  async create(a: ActingContext, body: PetitionCreateRequest): Promise<PetitionView> {
    const village = await this.ds.getRepository(Org).findOneBy({ id: a.villageId })
    if (!village) throw new AppException('ORG_NOT_FOUND')
    if (!petitionTargetsFor(village.kind).includes(body.target))
      throw new AppException('PETITION_TARGET_NOT_ALLOWED')
    const now = new Date()
    const standing = await this.standing(this.ds.manager, a, body.target, now)
    if (!standing?.eligible) throw this.notEligible(body.target)
    const rule = this.rule(body.target)
    const totals = await this.totals(this.ds.manager, a.villageId, body.target, rule, now)
    const id = await this.tx.run(async (m) => {
      const p = await m.getRepository(Petition).save({
        villageId: a.villageId,
        target: body.target,
        title: body.title,
        text: body.text,
        rule,
        totals,
        status: 'open' as const,
        initiatorAccountId: a.principal.accountId,
        initiatorResidentId: standing.residentId,
        initiatorName: standing.name,
        reachedAt: null,
        deliberationId: null,
        withdrawnAt: null,
      })
      // the initiator is the first to sign
      await this.insertSignature(m, p, standing, a.principal.accountId)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'petition.created',
        orgId: a.villageId,
        targetType: 'petition',
        targetId: p.id,
        after: { ...snapshot(p), title: p.title, totals },
      })
      await this.checkReached(m, p)
      return p.id
    })
    return this.detail(a, id)
  }

  async list(a: ActingContext, q: PetitionListQuery): Promise<PetitionPage> {
    const qb = this.ds
      .getRepository(Petition)
      .createQueryBuilder('p')
      .where('p.villageId = :v', { v: a.villageId })
    if (q.status) qb.andWhere('p.status = :s', { s: q.status })
    const [rows, total] = await qb
      .orderBy('p.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
    const counts = new Map<number, number>()
    if (rows.length) {
      const raw: { pid: number | string; n: number | string }[] = await this.ds
        .getRepository(PetitionSignature)
        .createQueryBuilder('s')
        .select('s.petitionId', 'pid')
        .addSelect('COUNT(*)', 'n')
        .where('s.petitionId IN (:...ids)', { ids: rows.map((p) => p.id) })
        .groupBy('s.petitionId')
        .getRawMany()
      for (const r of raw) counts.set(Number(r.pid), Number(r.n))
    }
    return {
      items: rows.map((p) => this.summary(p, counts.get(p.id) ?? 0)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  async detail(a: ActingContext, id: number): Promise<PetitionView> {
    const p = await this.find(this.ds.manager, a.villageId, id)
    const check = await this.check(this.ds.manager, p)
    const signatures = await this.ds.getRepository(PetitionSignature).countBy({ petitionId: p.id })
    const me = a.principal.residentIn.get(a.villageId)
    const signedByMe = me
      ? (await this.ds.getRepository(PetitionSignature).countBy({ petitionId: p.id, residentId: me })) > 0
      : false
    let cannotSignReason: string | null = null
    if (signedByMe) cannotSignReason = '您已经签过名了'
    else if (!isPetitionSignable(p.status)) cannotSignReason = `这份联名${PETITION_STATUS_LABELS[p.status]}`
    else if (!(await this.standing(this.ds.manager, a, p.target, new Date()))?.eligible)
      cannotSignReason = `只有${PETITION_SIGNERS_LABELS[p.target]}可以联名`
    const isCommittee = this.roles(a).some((r) => COMMITTEE_ROLES.includes(r))
    return {
      ...this.summary(p, signatures),
      text: p.text,
      criteria: petitionCriteriaView(check),
      reached: p.status === 'reached' || p.status === 'convened',
      reachedAt: p.reachedAt?.toISOString() ?? null,
      deliberationId: p.deliberationId,
      withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
      signedByMe,
      canSign: cannotSignReason === null,
      cannotSignReason,
      isMine: p.initiatorAccountId === a.principal.accountId,
      canConvene: isCommittee && p.status === 'reached',
    }
  }

  /** 签名: one per roster person (the unique key says so, not only this code). */
  async sign(a: ActingContext, id: number): Promise<PetitionView> {
    try {
      await this.tx.run(async (m) => {
        const p = await this.find(m, a.villageId, id, true)
        if (!isPetitionSignable(p.status)) throw new AppException('PETITION_CLOSED')
        const standing = await this.standing(m, a, p.target, new Date())
        if (!standing) throw this.notEligible(p.target)
        const already = await m
          .getRepository(PetitionSignature)
          .countBy({ petitionId: p.id, residentId: standing.residentId })
        if (already) throw new AppException('PETITION_ALREADY_SIGNED')
        if (!standing.eligible) throw this.notEligible(p.target)
        await this.insertSignature(m, p, standing, a.principal.accountId)
        await this.audit.append(m, {
          actor: a.actor,
          action: 'petition.signed',
          orgId: p.villageId,
          targetType: 'petition',
          targetId: p.id,
          after: { residentId: standing.residentId },
        })
        await this.checkReached(m, p)
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('PETITION_ALREADY_SIGNED')
      throw e
    }
    return this.detail(a, id)
  }

  /** The initiator takes back a petition that has not reached the threshold. */
  async withdraw(a: ActingContext, id: number): Promise<PetitionView> {
    await this.tx.run(async (m) => {
      const p = await this.find(m, a.villageId, id, true)
      if (p.initiatorAccountId !== a.principal.accountId) throw new AppException('PETITION_NOT_YOURS')
      const res = await m
        .createQueryBuilder()
        .update(Petition)
        .set({ status: 'withdrawn', withdrawnAt: new Date() })
        .where("id = :id AND status = 'open'", { id: p.id })
        .execute()
      if (!res.affected) throw new AppException('PETITION_CANNOT_WITHDRAW')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'petition.withdrawn',
        orgId: p.villageId,
        targetType: 'petition',
        targetId: p.id,
        before: snapshot(p),
        after: { ...snapshot(p), status: 'withdrawn' },
      })
      await this.notify.notify(m, {
        accountIds: (await this.signerAccounts(m, p.id)).filter((x) => x !== a.principal.accountId),
        orgId: p.villageId,
        kind: 'petition.withdrawn',
        title: '联名提议已撤回',
        body: `您签名的「${p.title}」已由发起人${p.initiatorName}撤回。`,
        link: petitionPage(p.id, p.villageId),
      })
    })
    return this.detail(a, id)
  }

  /**
   * Marks a reached petition convened, inside the transaction that creates its deliberation. A
   * petition not of this village is not a source; one not yet reached, or already convened, is refused.
   */
  async convene(m: EntityManager, a: ActingContext, petitionId: number, deliberationId: number) {
    const p = await m.getRepository(Petition).findOneBy({ id: petitionId, villageId: a.villageId })
    if (!p) throw new AppException('DELIBERATION_SOURCE_INVALID')
    if (p.status === 'convened') throw new AppException('PETITION_ALREADY_CONVENED')
    if (p.status !== 'reached') throw new AppException('PETITION_NOT_REACHED')
    const res = await m
      .createQueryBuilder()
      .update(Petition)
      .set({ status: 'convened', deliberationId })
      .where("id = :id AND status = 'reached'", { id: p.id })
      .execute()
    if (!res.affected) throw new AppException('PETITION_ALREADY_CONVENED')
    await this.audit.append(m, {
      actor: a.actor,
      action: 'petition.convened',
      orgId: p.villageId,
      targetType: 'petition',
      targetId: p.id,
      before: snapshot(p),
      after: { ...snapshot(p), status: 'convened', deliberationId },
    })
    await this.notify.notify(m, {
      accountIds: await this.signerAccounts(m, p.id),
      orgId: p.villageId,
      kind: 'petition.convened',
      title: '联名提议已列入议事',
      body: `您签名的「${p.title}」已由两委列入议事，将按程序召集${PETITION_TARGET_LABELS[p.target]}。`,
      link: deliberationPage(deliberationId),
    })
  }

  // ---------- counting ----------

  private rule(target: PetitionTarget): PetitionRule {
    return defaultProcedureSettings().petitions[target].filter((c) => SIGNABLE.includes(c.criterion))
  }

  /** For each criterion of the rule, how many there are in all, counted when the petition starts. */
  private async totals(
    m: EntityManager,
    villageId: number,
    target: PetitionTarget,
    rule: PetitionRule,
    now: Date,
  ): Promise<Partial<Record<PetitionCriterion, number>>> {
    const totals: Partial<Record<PetitionCriterion, number>> = {}
    const cutoff = adultCutoff(now)
    for (const { criterion } of rule) {
      let rows: { n: number | string }[]
      if (criterion === 'villagers' || criterion === 'residents')
        rows = await m.query(
          `SELECT COUNT(*) AS n FROM resident WHERE villageId = ? AND birthDate <= ?${
            target === 'villagers_meeting' ? " AND residency = 'registered'" : ''
          }`,
          [villageId, cutoff],
        )
      else if (criterion === 'representatives')
        rows = await m.query(
          `SELECT COUNT(DISTINCT residentId) AS n FROM role_assignment
            WHERE orgId = ? AND role = 'representative' AND residentId IS NOT NULL`,
          [villageId],
        )
      else rows = await m.query('SELECT COUNT(*) AS n FROM household WHERE villageId = ?', [villageId])
      totals[criterion] = Number(rows[0]?.n ?? 0)
    }
    return totals
  }

  /** The signatures counted by SQL aggregates against the frozen totals. */
  private async check(m: EntityManager, p: Petition): Promise<PetitionCheck> {
    const [row] = (await m.query(
      `SELECT COALESCE(SUM(CASE WHEN asAdult THEN 1 ELSE 0 END), 0) AS adults,
              COALESCE(SUM(CASE WHEN asRepresentative THEN 1 ELSE 0 END), 0) AS representatives,
              COUNT(DISTINCT CASE WHEN asAdult THEN householdId END) AS households
         FROM petition_signature WHERE petitionId = ?`,
      [p.id],
    )) as { adults: number | string; representatives: number | string; households: number | string }[]
    const signed: Record<PetitionCriterion, number> = {
      villagers: Number(row?.adults ?? 0),
      residents: Number(row?.adults ?? 0),
      representatives: Number(row?.representatives ?? 0),
      households: Number(row?.households ?? 0),
      resident_groups: 0,
    }
    const counts: PetitionCounts = {}
    for (const { criterion } of p.rule) {
      const total = p.totals[criterion] ?? 0
      // someone who joined the roster after the start may sign; the count never exceeds the total
      counts[criterion] = { signed: Math.min(signed[criterion], total), total }
    }
    const r = petitionForcesMeeting(p.rule, counts)
    if (!r.ok) throw new AppException(r.code, undefined, r.reason)
    return r.value
  }

  /**
   * At the threshold: one conditional update moves the petition to `reached`, so however many
   * signatures land at once, the committee is told exactly once that it must convene.
   */
  private async checkReached(m: EntityManager, p: Petition): Promise<void> {
    if (p.status !== 'open') return
    const check = await this.check(m, p)
    if (!check.forced) return
    const res = await m
      .createQueryBuilder()
      .update(Petition)
      .set({ status: 'reached', reachedAt: new Date() })
      .where("id = :id AND status = 'open'", { id: p.id })
      .execute()
    if (!res.affected) return
    const met = check.criteria.find((c) => c.criterion === check.by)!
    const rule = p.rule.find((c) => c.criterion === check.by)!
    await this.audit.append(m, {
      actor: SYSTEM_ACTOR,
      action: 'petition.threshold_reached',
      orgId: p.villageId,
      targetType: 'petition',
      targetId: p.id,
      before: snapshot(p),
      after: { ...snapshot(p), status: 'reached', by: check.by, signed: met.signed, needed: met.needed },
    })
    const meeting = PETITION_TARGET_LABELS[p.target]
    await this.notify.notify(m, {
      accountIds: await this.committeeAccounts(m, p.villageId),
      orgId: p.villageId,
      kind: 'petition.reached',
      title: `联名提议召开${meeting}已达法定人数`,
      body: `「${p.title}」已有${PETITION_CRITERION_LABELS[met.criterion]} ${met.signed} 人联名，达到 ${met.total} 人的${thresholdLabel(rule.threshold)}（${met.needed} 人），依法应当召集${meeting}。`,
      link: petitionPage(p.id, p.villageId),
    })
    await this.notify.notify(m, {
      accountIds: [p.initiatorAccountId],
      orgId: p.villageId,
      kind: 'petition.reached',
      title: '您发起的联名已达法定人数',
      body: `「${p.title}」的联名已达到法定人数，村（居）委会应当召集${meeting}。`,
      link: petitionPage(p.id, p.villageId),
    })
  }

  private async insertSignature(m: EntityManager, p: Petition, s: Standing, accountId: number) {
    await m.getRepository(PetitionSignature).insert({
      petitionId: p.id,
      residentId: s.residentId,
      householdId: s.householdId,
      accountId,
      asAdult: s.asAdult,
      asRepresentative: s.asRepresentative,
    })
  }

  /** What the caller counts as for this petition; null when they are not on the roster. */
  private async standing(
    m: EntityManager,
    a: ActingContext,
    target: PetitionTarget,
    now: Date,
  ): Promise<Standing | null> {
    const residentId = a.principal.residentIn.get(a.villageId)
    if (!residentId) return null
    const r = await m.getRepository(Resident).findOneBy({ id: residentId, villageId: a.villageId })
    if (!r) return null
    const adult = r.birthDate <= adultCutoff(now)
    const [rep] = (await m.query(
      `SELECT COUNT(*) AS n FROM role_assignment WHERE orgId = ? AND role = 'representative' AND residentId = ?`,
      [a.villageId, r.id],
    )) as { n: number | string }[]
    const asRepresentative = Number(rep?.n ?? 0) > 0
    const asAdult = adult && (target !== 'villagers_meeting' || r.residency === 'registered')
    const eligible =
      target === 'representatives_meeting'
        ? asRepresentative
        : target === 'villagers_meeting'
          ? asAdult || asRepresentative
          : asAdult
    return { residentId: r.id, householdId: r.householdId, name: r.name, asAdult, asRepresentative, eligible }
  }

  private notEligible(target: PetitionTarget): AppException {
    return new AppException(
      'PETITION_NOT_ELIGIBLE',
      undefined,
      `只有${PETITION_SIGNERS_LABELS[target]}可以联名提议召开${PETITION_TARGET_LABELS[target]}`,
    )
  }

  private async committeeAccounts(m: EntityManager, villageId: number): Promise<number[]> {
    const rows = (await m.query(
      `SELECT COALESCE(ra.accountId, r.accountId) AS accountId
         FROM role_assignment ra LEFT JOIN resident r ON r.id = ra.residentId
        WHERE ra.orgId = ? AND ra.role IN (?, ?)`,
      [villageId, ...COMMITTEE_ROLES],
    )) as { accountId: number | string | null }[]
    return rows.filter((r) => r.accountId !== null).map((r) => Number(r.accountId))
  }

  private async signerAccounts(m: EntityManager, petitionId: number): Promise<number[]> {
    const rows = (await m.query('SELECT accountId FROM petition_signature WHERE petitionId = ?', [
      petitionId,
    ])) as { accountId: number | string }[]
    return rows.map((r) => Number(r.accountId))
  }

  private async find(m: EntityManager, villageId: number, id: number, lock = false): Promise<Petition> {
    const q = m
      .getRepository(Petition)
      .createQueryBuilder('p')
      .where('p.id = :id AND p.villageId = :v', { id, v: villageId })
    // MariaDB: signers of one petition take turns, so the count that decides `reached` sees them all
    const p = lock && !this.tx.isSqlite ? await q.setLock('pessimistic_write').getOne() : await q.getOne()
    if (!p) throw new AppException('NOT_FOUND')
    return p
  }

  private roles(a: ActingContext): Role[] {
    return a.principal.roles.get(a.villageId) ?? []
  }

  private summary(p: Petition, signatures: number): PetitionSummary {
    return {
      id: p.id,
      target: p.target,
      targetLabel: PETITION_TARGET_LABELS[p.target],
      title: p.title,
      status: p.status,
      statusLabel: PETITION_STATUS_LABELS[p.status],
      initiatorName: p.initiatorName,
      signatures,
      createdAt: p.createdAt.toISOString(),
    }
  }
}
