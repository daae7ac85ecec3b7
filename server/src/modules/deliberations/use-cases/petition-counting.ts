import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  COMMITTEE_ROLES,
  petitionPage,
  PETITION_CRITERION_LABELS,
  PETITION_TARGET_LABELS,
  thresholdLabel,
  type PetitionCheck,
  type PetitionCriterion,
  type PetitionRule,
  type PetitionTarget,
} from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import type { Viewer } from '../../../core/access/viewer'
import { NotifyService } from '../../inbox/notify.service'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import { adultCutoff } from '../adult'
import type { Petition } from '../entities/petition.entity'
import { PetitionsRepository } from '../petitions.repository'
import { petitionCheck, snapshot, standingOf, type Standing } from '../petitions.rules'

/**
 * Counting a petition: what a person counts as when they sign, the totals frozen when it starts, the
 * signatures against them, and the one moment it reaches the threshold.
 */
@Injectable()
export class PetitionCounting {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly roster: RosterDirectory,
    private readonly roles: RoleHolders,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
  ) {}

  /** What the viewer counts as for a petition for this meeting; null when they are not on the roster. */
  async standing(
    v: Viewer,
    villageId: number,
    target: PetitionTarget,
    now: Date,
    m?: EntityManager,
  ): Promise<Standing | null> {
    const residentId = v.residentIdIn(villageId)
    return residentId ? this.standingOfResident(villageId, residentId, target, now, m) : null
  }

  /** What a roster person counts as for a petition for this meeting (a paper signature); null when not on this roster. */
  async standingOfResident(
    villageId: number,
    residentId: number,
    target: PetitionTarget,
    now: Date,
    m?: EntityManager,
  ): Promise<Standing | null> {
    const r = await this.roster.standing(villageId, residentId, m)
    if (!r) return null
    const representative = await this.roles.residentHolds(villageId, r.id, ['representative'], m)
    return standingOf(r, representative, target, now)
  }

  /** For each criterion of the rule, how many there are in all, counted when the petition starts. */
  async totals(
    villageId: number,
    target: PetitionTarget,
    rule: PetitionRule,
    now: Date,
  ): Promise<Partial<Record<PetitionCriterion, number>>> {
    const totals: Partial<Record<PetitionCriterion, number>> = {}
    for (const { criterion } of rule)
      totals[criterion] =
        criterion === 'villagers' || criterion === 'residents'
          ? await this.roster.adults(villageId, adultCutoff(now), {
              registeredOnly: target === 'villagers_meeting',
            })
          : criterion === 'representatives'
            ? await this.roles.residentsHolding(villageId, 'representative')
            : (await this.roster.counts(villageId)).households
    return totals
  }

  /** The signatures counted against the frozen totals. */
  async check(p: Petition, m?: EntityManager): Promise<PetitionCheck> {
    return petitionCheck(p, await this.repo.tally(p.id, m))
  }

  /**
   * At the threshold: one conditional update moves the petition to `reached`, so however many
   * signatures land at once, the 两委 are told exactly once that they must convene.
   */
  async reachIfForced(m: EntityManager, p: Petition): Promise<void> {
    if (p.status !== 'open') return
    const check = await this.check(p, m)
    if (!check.forced) return
    if (!(await this.repo.move(m, p.id, 'open', { status: 'reached', reachedAt: new Date() }))) return
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
      accountIds: await this.roles.accountsHolding(p.villageId, COMMITTEE_ROLES, m),
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
}
