import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../config/config'

interface Schedule {
  everyMs: number
  work: () => Promise<unknown>
  timer: NodeJS.Timeout | null
}

/**
 * The background jobs of this instance (sending WeChat messages, escalating overdue issues, the
 * purges): each on its own timer, never two runs of one job at once here, its errors logged. When
 * the server stops, no run starts any more and the runs under way are waited for, before the
 * database closes (Nest calls beforeApplicationShutdown first). Under NODE_ENV=test no timer
 * starts: tests run the work themselves.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Jobs')
  private readonly schedules = new Map<string, Schedule>()
  private readonly running = new Map<string, Promise<void>>()
  private started = false
  private stopping = false

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Runs `work` every `everyMs` once the application has started; a run still going is not doubled. */
  every(name: string, everyMs: number, work: () => Promise<unknown>): void {
    if (this.schedules.has(name)) throw new Error(`job ${name} is scheduled twice`)
    this.schedules.set(name, { everyMs, work, timer: null })
    if (this.started) this.startTimer(name)
  }

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return
    this.started = true
    for (const name of this.schedules.keys()) this.startTimer(name)
  }

  private startTimer(name: string): void {
    const s = this.schedules.get(name)!
    s.timer = setInterval(() => void this.run(name), s.everyMs)
    s.timer.unref()
  }

  /**
   * Runs the job now, or joins the run under way; resolves when it is done. Once the server is
   * stopping, nothing new starts.
   */
  run(name: string): Promise<void> {
    const going = this.running.get(name)
    if (going) return going
    if (this.stopping) return Promise.resolve()
    const s = this.schedules.get(name)
    if (!s) throw new Error(`no job named ${name}`)
    const run = Promise.resolve()
      .then(() => s.work())
      .then(
        () => undefined,
        (e: unknown) => this.log.error(`job ${name} failed: ${(e as Error)?.stack ?? String(e)}`),
      )
      .finally(() => this.running.delete(name))
    this.running.set(name, run)
    return run
  }

  /** the jobs running on this instance now */
  runningNow(): string[] {
    return [...this.running.keys()]
  }

  /** the jobs this instance schedules */
  names(): string[] {
    return [...this.schedules.keys()]
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true
    for (const s of this.schedules.values()) if (s.timer) clearInterval(s.timer)
    if (this.running.size === 0) return
    this.log.log(`waiting for ${this.runningNow().join(', ')} to finish`)
    await Promise.all(this.running.values())
  }
}
