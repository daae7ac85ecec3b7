import { Inject, Injectable } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { Clock } from '../../core/clock/clock'
import { JobRunner } from '../../core/jobs/job-runner'
import { GrievanceEscalation } from './use-cases/grievance-escalation'

/**
 * Looks for items past their time limit every GRIEVANCE_ESCALATION_INTERVAL_MS and sends them up to
 * the township. Every instance runs the timer; the job lease lets one of them do the work each time.
 * Tests call escalateOverdue themselves.
 */
@Injectable()
export class GrievanceEscalationJob {
  constructor(
    escalation: GrievanceEscalation,
    clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    jobs: JobRunner,
  ) {
    jobs.every('grievance-escalation', config.GRIEVANCE_ESCALATION_INTERVAL_MS, () =>
      escalation.escalateOverdue(clock.now()),
    )
  }
}
