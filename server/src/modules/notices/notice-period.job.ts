import { Injectable } from '@nestjs/common'
import { Clock } from '../../core/clock/clock'
import { JobRunner } from '../../core/jobs/job-runner'
import { NoticePeriodEnd } from './use-cases/notice-period-end'

const HOUR_MS = 3_600_000

/**
 * Archives notices whose publicity period is over, hourly. Views already read a notice past its end
 * date as ended, so a late or skipped run changes nothing a reader sees; the update is conditional, so
 * two instances running it at once archive each notice once. Tests call endExpired themselves.
 */
@Injectable()
export class NoticePeriodJob {
  constructor(periodEnd: NoticePeriodEnd, clock: Clock, jobs: JobRunner) {
    jobs.every('notice-period-end', HOUR_MS, () => periodEnd.endExpired(clock.now()))
  }
}
