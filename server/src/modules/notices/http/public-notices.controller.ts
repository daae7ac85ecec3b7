import { Controller } from '@nestjs/common'
import { noticeRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Handle, In } from '../../../core/http/route'
import { NoticeReads } from '../use-cases/notice-reads'

/** The H5 share URL of a published notice: anyone may read it, without logging in. */
@Controller()
export class PublicNoticesController {
  constructor(private readonly reads: NoticeReads) {}

  @Handle(R.publicRead)
  read(@In() i: HandlerArgs<typeof R.publicRead>) {
    return this.reads.publicView(i.params.id)
  }
}
