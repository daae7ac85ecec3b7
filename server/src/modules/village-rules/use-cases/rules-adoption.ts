import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  RULES_ADOPTING_BODY,
  transitionRules,
  type MeetingBody,
  type MeetingOutcomeKind,
  type StepKey,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { DeliberationHooks, type HookedDeliberation } from '../../deliberations/deliberation-hooks'
import { VillageRulesRepository } from '../village-rules.repository'
import { ADOPTED_ACTION, adoptedRecord } from '../rules-integrity'
import { accepted, rulesHash } from '../village-rules.rules'

/**
 * The deliberation engine carries a version to the villagers' meeting; this listens to it. A deciding
 * meeting of another body is refused before its notice goes out (Art 27); a passed and sealed vote
 * adopts the version in the same transaction, hashes its text into the audit chain and retires the
 * version it replaces; a failed vote or an ended deliberation leaves it not adopted.
 */
@Injectable()
export class RulesAdoption implements OnModuleInit {
  constructor(
    private readonly hooks: DeliberationHooks,
    private readonly repo: VillageRulesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      beforeMeeting: (m, d, step, body) => this.beforeMeeting(m, d, step, body),
      afterDecision: (m, d, decision) => this.afterDecision(m, d, decision),
      afterEnded: (m, d, actor) => this.afterEnded(m, d, actor),
    })
  }

  async beforeMeeting(
    m: EntityManager,
    d: HookedDeliberation,
    step: StepKey,
    body: MeetingBody,
  ): Promise<void> {
    if (step !== 'decide' || body === RULES_ADOPTING_BODY) return
    if (await this.repo.byDeliberation(m, d.id))
      throw new AppException('VILLAGE_RULES_VILLAGERS_MEETING_ONLY')
  }

  async afterDecision(
    m: EntityManager,
    d: HookedDeliberation,
    decision: { meetingId: number; body: MeetingBody; outcome: MeetingOutcomeKind; actor: Actor },
  ): Promise<void> {
    const v = await this.repo.byDeliberation(m, d.id)
    // a meeting that was not quorate leaves the step waiting for another
    if (!v || decision.outcome === 'not_quorate') return
    const next = accepted(
      transitionRules(v.status, {
        type: 'decided',
        body: decision.body,
        passed: decision.outcome === 'passed',
      }),
    )
    const base = { actor: decision.actor, orgId: v.villageId, targetType: 'village_rules_version' }
    if (next === 'adopted') {
      const replaced = await this.repo.current(m, v.villageId, v.kind)
      if (replaced) {
        await this.repo.update(m, replaced.id, {
          status: accepted(transitionRules(replaced.status, { type: 'supersede' })),
        })
        await this.audit.append(m, {
          ...base,
          action: 'village_rules.superseded',
          targetId: replaced.id,
          before: { status: replaced.status },
          after: { status: 'superseded', by: v.id },
        })
      }
    }
    if (next === 'adopted') {
      const contentHash = rulesHash(v.text)
      await this.repo.update(m, v.id, { status: next, contentHash, adoptedAt: this.clock.now() })
      // the record rebuilds from the row alone, so the verifier can hold the text to it (rules-integrity.ts)
      await this.audit.append(m, { ...base, action: ADOPTED_ACTION, targetId: v.id, after: adoptedRecord(v) })
      return
    }
    await this.repo.update(m, v.id, { status: next })
    await this.audit.append(m, {
      ...base,
      action: 'village_rules.not_adopted',
      targetId: v.id,
      before: { status: v.status },
      after: { status: next, deliberationId: d.id, meetingId: decision.meetingId },
    })
  }

  async afterEnded(m: EntityManager, d: HookedDeliberation, actor: Actor): Promise<void> {
    const v = await this.repo.byDeliberation(m, d.id)
    if (!v || v.status !== 'in_adoption') return
    const next = accepted(transitionRules(v.status, { type: 'ended' }))
    await this.repo.update(m, v.id, { status: next })
    await this.audit.append(m, {
      actor,
      orgId: v.villageId,
      targetType: 'village_rules_version',
      action: 'village_rules.not_adopted',
      targetId: v.id,
      before: { status: v.status },
      after: { status: next, deliberationId: d.id },
    })
  }
}
