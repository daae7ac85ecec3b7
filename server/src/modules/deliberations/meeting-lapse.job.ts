import { Injectable } from '@nestjs/common'
import { JobRunner } from '../../core/jobs/job-runner'
import { MeetingLapses } from './use-cases/meeting-lapse'

const INTERVAL_MS = 15 * 60_000

/**
 * Lapses meetings nobody opened within a day after their time, every quarter of an hour. Opening one
 * too late lapses it at once anyway, and check-ins and ballots read the time themselves, so a late run
 * only delays the word to the members; the lease and the conditional update make every lapse happen
 * once across instances. The job runner lets a run finish before the process stops; tests call
 * lapseOverdue themselves.
 */
@Injectable()
export class MeetingLapseJob {
  constructor(lapses: MeetingLapses, jobs: JobRunner) {
    jobs.every('meeting-lapse', INTERVAL_MS, () => lapses.lapseOverdue())
  }
}
