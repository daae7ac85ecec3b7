import { Controller } from '@nestjs/common'
import { authRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Handle, In } from '../../../core/http/route'
import { Login } from '../use-cases/login'
import { SessionEnd } from '../use-cases/session-end'
import { SessionTokens } from '../use-cases/session-tokens'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** Logging in, keeping a login alive and ending it; every route is public (rate-limited by address). */
@Controller()
export class AuthController {
  constructor(
    private readonly login: Login,
    private readonly tokens: SessionTokens,
    private readonly sessions: SessionEnd,
  ) {}

  @Handle(R.demoPeople)
  demoPeople() {
    return this.login.demoPeople()
  }
  @Handle(R.demoLogin)
  demo(@In() i: Args<'demoLogin'>) {
    return this.login.demo(i.body.key)
  }
  @Handle(R.wechatLogin)
  wechat(@In() i: Args<'wechatLogin'>) {
    return this.login.wechatLogin(i.body.code)
  }
  @Handle(R.refresh)
  refresh(@In() i: Args<'refresh'>) {
    return this.tokens.rotate(i.body.refreshToken)
  }
  @Handle(R.logout)
  logout(@In() i: Args<'logout'>) {
    return this.sessions.logout(i.body.refreshToken)
  }
}
