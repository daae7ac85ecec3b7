import { Inject, Injectable, Logger } from '@nestjs/common'
import type { DemoPeopleResponse, TokenPair } from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import { PrincipalService } from '../../../core/auth/principal.service'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { WechatClient, WechatError } from '../../../infra/wechat/wechat.client'
import { OrgsService } from '../../orgs/orgs.service'
import { presentDemoPerson, type DemoPersonPlace } from '../auth.presenter'
import { AuthRepository } from '../auth.repository'
import { BAD_WECHAT_CODE, DEFAULT_PREFERENCES, WECHAT_DEFAULT_NAME } from '../auth.rules'
import type { Account } from '../entities/account.entity'
import { SessionTokens } from './session-tokens'

/** Logging in: with WeChat (making the account on the first login), or as a demo person. */
@Injectable()
export class Login {
  private readonly log = new Logger('Auth')

  constructor(
    private readonly repo: AuthRepository,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly principals: PrincipalService,
    private readonly wechat: WechatClient,
    private readonly orgs: OrgsService,
    private readonly sessions: SessionTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async demoPeople(): Promise<DemoPeopleResponse> {
    if (!this.config.DEMO_ENABLED) return { enabled: false, people: [] }
    const places: [Account, DemoPersonPlace | null][] = []
    for (const a of await this.repo.demoAccounts()) {
      const first = [...((await this.principals.load(a.id))?.roles.entries() ?? [])][0]
      places.push([a, first ? { orgId: first[0], roles: first[1] } : null])
    }
    const names = await this.orgs.names([...new Set(places.flatMap(([, p]) => (p ? [p.orgId] : [])))])
    return { enabled: true, people: places.map(([a, p]) => presentDemoPerson(a, p, names)) }
  }

  async demo(key: string): Promise<TokenPair> {
    if (!this.config.DEMO_ENABLED) throw new AppException('DEMO_DISABLED')
    const account = await this.repo.accountByDemoKey(key)
    if (!account) throw new AppException('NOT_FOUND', undefined, '没有这个演示用户')
    return this.sessions.start(account.id)
  }

  async wechatLogin(code: string): Promise<TokenPair> {
    if (!this.wechat.configured) throw new AppException('WECHAT_UNAVAILABLE')
    let openid: string
    try {
      openid = (await this.wechat.code2Session(code)).openid
    } catch (e) {
      if (e instanceof WechatError && e.errcode !== null && BAD_WECHAT_CODE.has(e.errcode))
        throw new AppException('WECHAT_LOGIN_FAILED')
      this.log.warn(`code2Session failed: ${(e as Error).message}`)
      throw new AppException('WECHAT_UNAVAILABLE')
    }
    const account = await this.wechatAccount(openid)
    return this.sessions.start(account.id)
  }

  private async wechatAccount(openid: string): Promise<Account> {
    const found = await this.repo.accountByOpenid(openid)
    if (found) return found
    try {
      return await this.tx.run(async (m) => {
        const account = await this.repo.insertAccount(m, {
          openid,
          demoKey: null,
          displayName: WECHAT_DEFAULT_NAME,
          preferences: DEFAULT_PREFERENCES,
          lastLoginAt: new Date(),
        })
        await this.audit.append(m, {
          actor: SYSTEM_ACTOR,
          action: 'account.created',
          orgId: null,
          targetType: 'account',
          targetId: account.id,
          after: { id: account.id, via: 'wechat' },
        })
        return account
      })
    } catch (e) {
      // the same person tapped twice: the other request created it
      if (!isUniqueViolation(e)) throw e
      const other = await this.repo.accountByOpenid(openid)
      if (!other) throw e
      return other
    }
  }
}
