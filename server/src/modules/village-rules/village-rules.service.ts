import { Injectable } from '@nestjs/common'
import type { RulesKind } from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService, SYSTEM_ACTOR } from '../../core/audit/audit.service'
import { ADOPTED_ACTION, adoptedRecord } from './rules-integrity'
import { VillageRulesRepository } from './village-rules.repository'
import { rulesHash } from './village-rules.rules'

/** What the rest of the server may ask of 村规民约: the demo's version in force. */
@Injectable()
export class VillageRulesService {
  constructor(
    private readonly repo: VillageRulesRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A version adopted on paper before the village used the app (the demo's 2024 villagers' meeting),
   * recorded as in force with its hash in the chain, as an adoption in the app would be.
   */
  async seedDemo(
    m: EntityManager,
    o: {
      villageId: number
      kind: RulesKind
      title: string
      text: string
      adoptedAt: Date
      accountId: number
    },
  ): Promise<void> {
    const contentHash = rulesHash(o.text)
    const v = await this.repo.create(m, {
      villageId: o.villageId,
      kind: o.kind,
      number: 1,
      title: o.title,
      text: o.text,
      status: 'adopted',
      basedOnId: null,
      deliberationId: null,
      contentHash,
      adoptedAt: o.adoptedAt,
      createdByAccountId: o.accountId,
    })
    await this.audit.append(m, {
      actor: SYSTEM_ACTOR,
      action: ADOPTED_ACTION,
      orgId: o.villageId,
      targetType: 'village_rules_version',
      targetId: v.id,
      after: adoptedRecord(v),
    })
  }
}
