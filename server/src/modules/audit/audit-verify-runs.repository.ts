import { Injectable } from '@nestjs/common'
import { DataSource, LessThan } from 'typeorm'
import { AuditVerifyRun } from './entities'

/** The rows that tell how far each background check of the chains has got. */
@Injectable()
export class AuditVerifyRunsRepository {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(AuditVerifyRun)
  }

  async start(mode: string, total: number, requestedBy: number | null, now: Date): Promise<AuditVerifyRun> {
    const run = this.repo.create({ mode, state: 'running', checked: 0, total, requestedBy, progressAt: now })
    await this.repo.insert(run)
    return this.repo.findOneByOrFail({ id: run.id })
  }

  byId(id: number): Promise<AuditVerifyRun | null> {
    return this.repo.findOneBy({ id })
  }

  async progress(id: number, checked: number, now: Date): Promise<void> {
    await this.repo.update({ id, state: 'running' }, { checked, progressAt: now })
  }

  async finish(id: number, state: 'done' | 'failed', result: unknown, checked: number, now: Date) {
    await this.repo.update(
      { id, state: 'running' },
      { state, result: JSON.stringify(result), checked, progressAt: now, finishedAt: now },
    )
  }

  /** Runs whose instance stopped writing progress before `before`: they died with it. */
  async failSilentSince(before: Date, why: string, now: Date): Promise<void> {
    await this.repo.update(
      { state: 'running', progressAt: LessThan(before) },
      { state: 'failed', result: JSON.stringify({ failure: why }), finishedAt: now },
    )
  }
}
