import { Inject, Injectable } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { JobRunner } from '../../core/jobs/job-runner'
import { CONTENT_CHECK_JOB, ContentRetry } from './use-cases/content-retry'

/** Every CONTENT_CHECK_RETRY_INTERVAL_MS, asks WeChat again about what it did not answer. Tests run the work themselves. */
@Injectable()
export class ContentCheckRetryJob {
  constructor(retry: ContentRetry, @Inject(APP_CONFIG) config: AppConfig, jobs: JobRunner) {
    jobs.every(CONTENT_CHECK_JOB, config.CONTENT_CHECK_RETRY_INTERVAL_MS, () => retry.retryDue())
  }
}
