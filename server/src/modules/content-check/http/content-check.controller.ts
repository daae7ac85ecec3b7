import { Controller } from '@nestjs/common'
import { contentCheckRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { ContentReviewQueue } from '../use-cases/content-review'
import { MediaPush } from '../use-cases/media-push'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** The 两委's review of what WeChat's checks held back, and WeChat's pushes of photo results. */
@Controller()
export class ContentCheckController {
  constructor(
    private readonly review: ContentReviewQueue,
    private readonly pushes: MediaPush,
  ) {}

  @Handle(R.queue)
  queue(@Acting() a: ActingContext, @In() i: Args<'queue'>) {
    return this.review.queue(a.villageId, i.query)
  }
  @Handle(R.review)
  decide(@Acting() a: ActingContext, @In() i: Args<'review'>) {
    return this.review.review(a, i.params.id, i.body)
  }
  @Handle(R.pushVerify)
  pushVerify(@In() i: Args<'pushVerify'>) {
    return this.pushes.verify(i.query)
  }
  @Handle(R.push)
  push(@In() i: Args<'push'>) {
    return this.pushes.receive(i.query, i.body)
  }
}
