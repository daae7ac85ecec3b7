import { Injectable } from '@nestjs/common'
import { Clock } from '../../../core/clock/clock'
import { JobLeases } from '../../../core/jobs/job-lease.service'
import { WechatClient } from '../../../infra/wechat/wechat.client'
import { ContentCheckRepository } from '../content-check.repository'
import { ContentChecking } from './content-checking'

const BATCH = 100
export const CONTENT_CHECK_JOB = 'content-check-retry'

/** The retry job's work: the checks WeChat did not answer, once their wait is over, on one instance at a time. */
@Injectable()
export class ContentRetry {
  constructor(
    private readonly repo: ContentCheckRepository,
    private readonly checking: ContentChecking,
    private readonly wechat: WechatClient,
    private readonly leases: JobLeases,
    private readonly clock: Clock,
  ) {}

  /** How many checks were looked at. */
  async retryDue(): Promise<number> {
    if (!this.wechat.configured) return 0
    const now = this.clock.now()
    if (!(await this.leases.claim(CONTENT_CHECK_JOB, now))) return 0
    try {
      const due = await this.repo.due(now, BATCH)
      for (const c of due) await this.checking.run(c)
      return due.length
    } finally {
      await this.leases.release(CONTENT_CHECK_JOB)
    }
  }
}
