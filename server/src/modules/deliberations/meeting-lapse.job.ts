import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { MeetingLapses } from './use-cases/meeting-lapse'

const INTERVAL_MS = 15 * 60_000

/**
 * Lapses meetings nobody opened within a day after their time, every quarter of an hour. Opening one
 * too late lapses it at once anyway, and check-ins and ballots read the time themselves, so a late run
 * only delays the word to the members; the lease and the conditional update make every lapse happen
 * once across instances.
 */
@Injectable()
export class MeetingLapseJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('MeetingLapse')
  private timer: NodeJS.Timeout | null = null
  private running = false

  constructor(
    private readonly lapses: MeetingLapses,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return // tests call lapseOverdue themselves
    this.timer = setInterval(() => void this.tick(), INTERVAL_MS)
    this.timer.unref()
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer)
  }

  private async tick(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      await this.lapses.lapseOverdue()
    } catch (e) {
      this.log.error(String((e as Error).stack ?? e))
    } finally {
      this.running = false
    }
  }
}
