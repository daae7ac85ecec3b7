import { Injectable } from '@nestjs/common'
import { currentConsentVersion, type ConsentRequest, type PrivacyStatus } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { actorOf } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { presentStatus } from '../privacy.presenter'
import { PrivacyRepository } from '../privacy.repository'

/**
 * What a person agreed to: the 用户隐私保护指引 (asked at first login and again for each new version)
 * and the words shown right before an ID number is typed. Each consent is a row with its version and
 * time, and an audit entry.
 */
@Injectable()
export class Consents {
  constructor(
    private readonly repo: PrivacyRepository,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  async status(accountId: number): Promise<PrivacyStatus> {
    return presentStatus(await this.repo.latestConsents(accountId))
  }

  async consent(p: Principal, body: ConsentRequest): Promise<PrivacyStatus> {
    // an old page still open: they must read what holds today
    if (body.version !== currentConsentVersion(body.kind)) throw new AppException('PRIVACY_CONSENT_OUTDATED')
    await this.tx.run(async (m) => {
      if (await this.repo.hasConsent(p.accountId, body.kind, body.version, m)) return
      const row = await this.repo.insertConsent(m, p.accountId, body.kind, body.version)
      await this.audit.append(m, {
        actor: actorOf(p),
        action: 'privacy.consented',
        orgId: null,
        targetType: 'account',
        targetId: p.accountId,
        after: { kind: row.kind, version: row.version },
      })
    })
    return this.status(p.accountId)
  }
}
