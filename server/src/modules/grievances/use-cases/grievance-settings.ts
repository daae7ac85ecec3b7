import { Injectable } from '@nestjs/common'
import type { GrievanceSettings, GrievanceSettingsUpdate } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { isUniqueViolation } from '../../../core/database/dialect'
import { TxService } from '../../../core/tx/tx.service'
import { GrievancesRepository } from '../grievances.repository'

/** A village's categories and reply templates for 村民说事. */
@Injectable()
export class GrievanceSettingsUseCase {
  constructor(
    private readonly repo: GrievancesRepository,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  read(villageId: number): Promise<GrievanceSettings> {
    return this.repo.settings(villageId)
  }

  async categories(villageId: number): Promise<string[]> {
    return (await this.repo.settings(villageId)).categories
  }

  async sensitiveCategories(villageId: number): Promise<string[]> {
    return (await this.repo.settings(villageId)).sensitiveCategories
  }

  async update(a: ActingContext, body: GrievanceSettingsUpdate): Promise<GrievanceSettings> {
    const write = () =>
      this.tx.run(async (m) => {
        const before = await this.repo.saveSettings(m, a.villageId, body)
        await this.audit.append(m, {
          actor: a.actor,
          action: 'grievance.settings_updated',
          orgId: a.villageId,
          targetType: 'org',
          targetId: a.villageId,
          before,
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
    return this.repo.settings(a.villageId)
  }
}
