import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common'
import { Clock } from '../../core/clock/clock'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { NoticePeriodEnd } from './use-cases/notice-period-end'

const HOUR_MS = 3_600_000

/**
 * Archives notices whose publicity period is over, hourly. Views already read a notice past its end
 * date as ended, so a late or skipped run changes nothing a reader sees; the update is conditional, so
 * two instances running it at once archive each notice once.
 */
@Injectable()
export class NoticePeriodJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('NoticePeriod')
  private timer: NodeJS.Timeout | null = null
  private running = false

  constructor(
    private readonly periodEnd: NoticePeriodEnd,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return // tests call endExpired themselves
    this.timer = setInterval(() => void this.tick(), HOUR_MS)
    this.timer.unref()
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer)
  }

  private async tick(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      await this.periodEnd.endExpired(this.clock.now())
    } catch (e) {
      this.log.error(String((e as Error).stack ?? e))
    } finally {
      this.running = false
    }
  }
}
