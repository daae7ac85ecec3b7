import { Injectable, Logger } from '@nestjs/common'
import { transitionGrievance } from '@xiangli/shared'
import { SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import { JobLeases } from '../../../core/jobs/job-lease.service'
import { TxService } from '../../../core/tx/tx.service'
import { GrievancesRepository } from '../grievances.repository'
import { ESCALATION_BATCH, ESCALATION_JOB } from '../grievances.rules'
import { GrievanceSteps } from './grievance-steps'

/** Items past their time limit go up to the township by themselves. */
@Injectable()
export class GrievanceEscalation {
  private readonly log = new Logger('Grievances')

  constructor(
    private readonly repo: GrievancesRepository,
    private readonly steps: GrievanceSteps,
    private readonly tx: TxService,
    private readonly leases: JobLeases,
  ) {}

  /**
   * Sends every item past its time limit up to the township. Runs on one instance at a time (the job
   * lease); and each escalation is a conditional update, so even two runners that both saw an item
   * overdue escalate, audit and notify it once.
   */
  async escalateOverdue(now: Date): Promise<number> {
    if (!(await this.leases.claim(ESCALATION_JOB, now))) return 0
    try {
      return await this.escalateDue(now)
    } finally {
      await this.leases.release(ESCALATION_JOB)
    }
  }

  /** The work of one run, without the lease; returns how many items this runner escalated. */
  async escalateDue(now: Date): Promise<number> {
    let escalated = 0
    for (const g of await this.repo.overdue(now, ESCALATION_BATCH)) {
      const t = transitionGrievance(g.state, 'escalate')
      if (!t.ok) continue
      try {
        if (await this.tx.run((m) => this.steps.escalate(m, g, t.next, SYSTEM_ACTOR, now, null, now)))
          escalated++
      } catch (e) {
        this.log.error(`escalating grievance ${g.id} failed: ${(e as Error).stack ?? String(e)}`)
      }
    }
    if (escalated) this.log.log(`${escalated} overdue item(s) sent up to the township`)
    return escalated
  }
}
