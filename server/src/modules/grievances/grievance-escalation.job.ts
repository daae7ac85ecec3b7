import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { Clock } from '../../core/clock/clock'
import { GrievanceEscalation } from './use-cases/grievance-escalation'

/**
 * Looks for items past their time limit every GRIEVANCE_ESCALATION_INTERVAL_MS and sends them up to
 * the township. Every instance runs the timer; the job lease lets one of them do the work each time.
 */
@Injectable()
export class GrievanceEscalationJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Escalation')
  private timer: NodeJS.Timeout | null = null
  private running = false

  constructor(
    private readonly escalation: GrievanceEscalation,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return // tests call escalateOverdue themselves
    this.timer = setInterval(() => void this.tick(), this.config.GRIEVANCE_ESCALATION_INTERVAL_MS)
    this.timer.unref()
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer)
  }

  private async tick(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      await this.escalation.escalateOverdue(this.clock.now())
    } catch (e) {
      this.log.error(String((e as Error).stack ?? e))
    } finally {
      this.running = false
    }
  }
}
