import { Injectable } from '@nestjs/common'
import { certificateYear, isVillageCode, type CertificateRequestView } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { isDeadlock } from '../../../core/database/dialect'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { mustDecide } from '../certificates.policy'
import { CertificatesRepository } from '../certificates.repository'
import { DEADLOCK_RETRIES, need } from '../certificates.rules'
import { CertificateCatalogue } from './catalogue'
import { CertificateIssuing } from './issuing'
import { CertificateReads } from './request-reads'
import { RequestSteps } from './request-steps'

/** The committee's decision on a request: approve (and so issue), refuse, or ask for more. */
@Injectable()
export class CertificateApproval {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly steps: RequestSteps,
    private readonly issuing: CertificateIssuing,
    private readonly reads: CertificateReads,
    private readonly catalogue: CertificateCatalogue,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Approves and issues in one transaction: the request row is locked first, then the village's
   * counter for the year, so two approvals of one request give one number and concurrent approvals of
   * different requests take consecutive numbers. A deadlock on MySQL rolls everything back and retries.
   */
  async approve(a: ActingContext, id: number): Promise<CertificateRequestView> {
    const village = await this.orgs.village(a.villageId)
    if (!isVillageCode(village.code))
      throw new Error(`village ${village.id} has no 12-digit division code (${village.code})`)
    const catalogue = await this.catalogue.of(a.villageId)
    const now = this.clock.now()
    const year = certificateYear(now)
    await this.tx.run((m) => this.repo.ensureCounter(m, village.id, year))
    for (let attempt = 1; ; attempt++) {
      try {
        await this.tx.run(async (m) => {
          const r = await this.steps.locked(m, a.villageId, id)
          mustDecide(a.viewer, r)
          const issued = need(need(r.state, 'approve'), 'issue')
          await this.issuing.issue(
            m,
            r,
            issued,
            { accountId: a.viewer.accountId, actor: a.actor },
            { id: village.id, name: village.name, code: village.code },
            catalogue,
            now,
            year,
          )
        })
        break
      } catch (e) {
        if (!isDeadlock(e) || attempt >= DEADLOCK_RETRIES) throw e
      }
    }
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  async refuse(a: ActingContext, id: number, reason: string): Promise<CertificateRequestView> {
    await this.steps.step(a, id, 'refuse', async (m, r, now) => {
      await this.steps.tellApplicant(m, r, `您申请的${r.itemName}不予出具`, `原因：${reason}`)
      return {
        refuseReason: reason,
        decidedByAccountId: a.viewer.accountId,
        decidedByName: a.actor.name,
        decidedAt: now,
        dueAt: null,
      }
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** 补充材料: the clock stops until the applicant resubmits. */
  async requestInfo(a: ActingContext, id: number, message: string): Promise<CertificateRequestView> {
    await this.steps.step(a, id, 'request_info', async (m, r) => {
      await this.steps.tellApplicant(m, r, `您申请的${r.itemName}需要补充材料`, message)
      return { infoRequest: message, dueAt: null }
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }
}
