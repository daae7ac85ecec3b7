import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  isPetitionSignable,
  petitionTargetsFor,
  type PetitionCreateRequest,
  type PetitionView,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { ContentCheckService } from '../../content-check/content-check.service'
import type { Petition } from '../entities/petition.entity'
import { seesPetition } from '../petitions.policy'
import { PetitionsRepository } from '../petitions.repository'
import { notEligible, petitionRule, snapshot, type Standing } from '../petitions.rules'
import { PetitionCounting } from './petition-counting'
import { PetitionReads } from './petition-reads'

/**
 * 联名: a person on the roster starts a petition and is its first signer; others co-sign it, once
 * each (the unique key says so, not only this code), and the signature that reaches the threshold
 * tells the 两委.
 */
@Injectable()
export class PetitionSigning {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly counting: PetitionCounting,
    private readonly reads: PetitionReads,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly checks: ContentCheckService,
  ) {}

  async create(a: ActingContext, body: PetitionCreateRequest): Promise<PetitionView> {
    const village = await a.viewer.org(a.villageId)
    if (!village) throw new AppException('ORG_NOT_FOUND')
    if (!petitionTargetsFor(village.kind).includes(body.target))
      throw new AppException('PETITION_TARGET_NOT_ALLOWED')
    const now = new Date()
    const standing = await this.counting.standing(a.viewer, a.villageId, body.target, now)
    if (!standing?.eligible) throw notEligible(body.target)
    const rule = petitionRule(body.target)
    const totals = await this.counting.totals(a.villageId, body.target, rule, now)
    const id = await this.tx.run(async (m) => {
      const p = await this.repo.insert(m, {
        villageId: a.villageId,
        target: body.target,
        title: body.title,
        text: body.text,
        rule,
        totals,
        status: 'open',
        moderation: this.checks.initial(),
        initiatorAccountId: a.viewer.accountId,
        initiatorResidentId: standing.residentId,
        initiatorName: standing.name,
        reachedAt: null,
        deliberationId: null,
        withdrawnAt: null,
      })
      // the initiator is the first to sign
      await this.insertSignature(m, p, standing, a.viewer.accountId)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'petition.created',
        orgId: a.villageId,
        targetType: 'petition',
        targetId: p.id,
        after: { ...snapshot(p), title: p.title, totals },
      })
      await this.checks.submit(m, {
        kind: 'petition',
        itemId: p.id,
        villageId: a.villageId,
        authorAccountId: a.viewer.accountId,
        text: `${p.title}\n${p.text}`,
        fileIds: [],
      })
      await this.counting.reachIfForced(m, p)
      return p.id
    })
    await this.checks.settle('petition', id)
    return this.reads.detail(a, id)
  }

  /** 签名: one per roster person. */
  async sign(a: ActingContext, id: number): Promise<PetitionView> {
    try {
      await this.tx.run(async (m) => {
        const p = await this.repo.find(a.villageId, id, m, true)
        // one the content check has not shown cannot be signed by anyone else
        if (!p || !seesPetition(a.viewer, p)) throw new AppException('NOT_FOUND')
        if (!isPetitionSignable(p.status)) throw new AppException('PETITION_CLOSED')
        const standing = await this.counting.standing(a.viewer, a.villageId, p.target, new Date(), m)
        if (!standing) throw notEligible(p.target)
        if (await this.repo.hasSigned(p.id, standing.residentId, m))
          throw new AppException('PETITION_ALREADY_SIGNED')
        if (!standing.eligible) throw notEligible(p.target)
        await this.insertSignature(m, p, standing, a.viewer.accountId)
        await this.audit.append(m, {
          actor: a.actor,
          action: 'petition.signed',
          orgId: p.villageId,
          targetType: 'petition',
          targetId: p.id,
          after: { residentId: standing.residentId },
        })
        await this.counting.reachIfForced(m, p)
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('PETITION_ALREADY_SIGNED')
      throw e
    }
    return this.reads.detail(a, id)
  }

  private insertSignature(m: EntityManager, p: Petition, s: Standing, accountId: number): Promise<void> {
    return this.repo.insertSignature(m, {
      petitionId: p.id,
      residentId: s.residentId,
      householdId: s.householdId,
      accountId,
      sheetId: null,
      asAdult: s.asAdult,
      asRepresentative: s.asRepresentative,
    })
  }
}
