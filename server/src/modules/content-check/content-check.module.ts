import { Global, Module } from '@nestjs/common'
import { ContentCheckRepository } from './content-check.repository'
import { ContentCheckRetryJob } from './content-check-retry.job'
import { ContentCheckService } from './content-check.service'
import { ContentCheckController } from './http/content-check.controller'
import { ModerationTargets } from './moderation-targets'
import { ContentChecking } from './use-cases/content-checking'
import { ContentRetry } from './use-cases/content-retry'
import { ContentReviewQueue } from './use-cases/content-review'
import { MediaPush } from './use-cases/media-push'

// global: every module whose items others read hands them to ContentCheckService
@Global()
@Module({
  controllers: [ContentCheckController],
  providers: [
    ContentCheckRepository,
    ModerationTargets,
    ContentChecking,
    ContentRetry,
    ContentCheckRetryJob,
    ContentReviewQueue,
    MediaPush,
    ContentCheckService,
  ],
  exports: [ContentCheckService],
})
export class ContentCheckModule {}
