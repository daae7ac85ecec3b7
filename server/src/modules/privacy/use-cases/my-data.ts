import { Injectable } from '@nestjs/common'
import { RETAINED_AFTER_DELETION, type MyDataExport, type MyDataOverview } from '@xiangli/shared'
import { Clock } from '../../../core/clock/clock'
import type { FileDownload } from '../../../core/http/file-reply'
import { PersonalDataSections } from '../personal-data-sections'
import { presentDeletion } from '../privacy.presenter'
import { PrivacyRepository } from '../privacy.repository'

/**
 * 我的数据: everything held about the caller, gathered from each module's own section, always by the
 * caller's own account id (no route takes another person's id, so no one can ask for someone else's).
 */
@Injectable()
export class MyData {
  constructor(
    private readonly sections: PersonalDataSections,
    private readonly repo: PrivacyRepository,
    private readonly clock: Clock,
  ) {}

  async collect(accountId: number): Promise<MyDataExport> {
    const sections: Record<string, unknown> = {}
    const who = await this.sections.subject(accountId)
    for (const s of this.sections.all) sections[s.section] = await s.exportOf(who)
    sections.consents = (await this.repo.allConsents(accountId)).map((c) => ({
      kind: c.kind,
      version: c.version,
      acceptedAt: c.acceptedAt.toISOString(),
    }))
    return {
      exportedAt: this.clock.now().toISOString(),
      accountId,
      sections,
      retained: [...RETAINED_AFTER_DELETION],
    }
  }

  async overview(accountId: number): Promise<MyDataOverview> {
    const latest = await this.repo.latestDeletion(accountId)
    return { export: await this.collect(accountId), deletion: latest ? presentDeletion(latest) : null }
  }

  /** The same as a JSON file to download (what the app saves or hands to 微信 to keep). */
  async exportFile(accountId: number): Promise<FileDownload> {
    const data = await this.collect(accountId)
    const day = data.exportedAt.slice(0, 10)
    return {
      bytes: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
      type: 'application/json; charset=utf-8',
      disposition: `attachment; filename="xiangli-my-data-${day}.json"`,
    }
  }
}
