import { Injectable } from '@nestjs/common'
import type { VillageSettings, VillageView } from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsRepository } from '../orgs.repository'
import { OrgReads } from './org-reads'

/** A village's settings: its procedure, publicity periods, time limits, verification. */
@Injectable()
export class VillageSettingsUseCase {
  constructor(
    private readonly repo: OrgsRepository,
    private readonly reads: OrgReads,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  async update(villageId: number, settings: VillageSettings, actor: Actor): Promise<VillageView> {
    await this.tx.run(async (m) => {
      const before = await this.repo.saveSettings(m, villageId, settings)
      await this.audit.append(m, {
        actor,
        action: 'village.settings_updated',
        orgId: villageId,
        targetType: 'org',
        targetId: villageId,
        before,
        after: settings,
      })
    })
    return this.reads.villageView(villageId)
  }
}
