import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common'
import type { AuditVerifyRunView } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { AppException } from '../../../core/errors/app.exception'
import { presentRun } from '../audit-log.presenter'
import { AuditVerifyRunsRepository } from '../audit-verify-runs.repository'

/** A run that wrote no progress for this long died with its server instance. */
const SILENT_MS = 2 * 60_000
/** progress is written at most this often, not once per batch */
const PROGRESS_EVERY_MS = 1_000

/**
 * 核对留痕: checking the chains is never a request that runs for minutes. An administrator starts a
 * run; it walks the chains in the background on this instance, writing its progress to its row, and
 * any instance answers how far it has got. A server that stops ends its runs as failed, saying why.
 */
@Injectable()
export class VerifyRuns implements BeforeApplicationShutdown {
  private readonly log = new Logger('AuditVerify')
  private readonly going = new Map<number, { stop: AbortController; done: Promise<void> }>()

  constructor(
    private readonly runs: AuditVerifyRunsRepository,
    private readonly audit: AuditService,
  ) {}

  async start(mode: 'full' | 'since_verified', accountId: number | null): Promise<AuditVerifyRunView> {
    const sinceVerified = mode === 'since_verified'
    const total = await this.audit.countToCheck(sinceVerified)
    const run = await this.runs.start(mode, total, accountId, new Date())
    const stop = new AbortController()
    const done = this.execute(run.id, sinceVerified, stop.signal).finally(() => this.going.delete(run.id))
    this.going.set(run.id, { stop, done })
    return presentRun(run)
  }

  async read(id: number): Promise<AuditVerifyRunView> {
    const now = new Date()
    await this.runs.failSilentSince(
      new Date(now.getTime() - SILENT_MS),
      '核对中途服务器停止了，请重新核对',
      now,
    )
    const run = await this.runs.byId(id)
    if (!run) throw new AppException('NOT_FOUND', undefined, '没有找到这次核对')
    return presentRun(run)
  }

  /** Resolves when the run has ended, here; for tests and the command line. */
  async settled(id: number): Promise<void> {
    await this.going.get(id)?.done
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const g of this.going.values()) g.stop.abort(new Error('server stopping'))
    await Promise.all([...this.going.values()].map((g) => g.done))
  }

  private async execute(id: number, sinceVerified: boolean, signal: AbortSignal): Promise<void> {
    let checked = 0
    let lastWrite = Date.now()
    try {
      const result = await this.audit.verify({
        sinceVerified,
        signal,
        onProgress: async (n) => {
          checked = n
          if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return
          lastWrite = Date.now()
          await this.runs.progress(id, n, new Date())
        },
      })
      await this.runs.finish(id, 'done', result, result.checked, new Date())
    } catch (e) {
      const why = signal.aborted ? '服务器停止，核对中断了，请重新核对' : '核对时出错了，请稍后重新核对'
      if (!signal.aborted)
        this.log.error(`audit verify run ${id} failed: ${(e as Error)?.stack ?? String(e)}`)
      await this.runs.finish(id, 'failed', { failure: why }, checked, new Date()).catch(() => undefined)
    }
  }
}
