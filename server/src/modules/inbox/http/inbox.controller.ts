import { Controller } from '@nestjs/common'
import { inboxRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { CurrentPrincipal } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { MyInbox } from '../use-cases/my-inbox'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class InboxController {
  constructor(private readonly inbox: MyInbox) {}

  @Handle(R.list)
  list(@CurrentPrincipal() p: Principal, @In() i: Args<'list'>) {
    return this.inbox.list(p.accountId, i.query)
  }
  @Handle(R.unreadCount)
  unread(@CurrentPrincipal() p: Principal) {
    return this.inbox.unread(p.accountId)
  }
  @Handle(R.readAll)
  readAll(@CurrentPrincipal() p: Principal) {
    return this.inbox.markAllRead(p.accountId)
  }
  @Handle(R.read)
  read(@CurrentPrincipal() p: Principal, @In() i: Args<'read'>) {
    return this.inbox.markRead(p.accountId, i.params.id)
  }
}
