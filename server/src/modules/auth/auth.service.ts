import { Inject, Injectable, Logger } from '@nestjs/common'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { DataSource, IsNull, Not } from 'typeorm'
import { ROLE_LABELS, sortRoles, type DemoPeopleResponse, type TokenPair } from '@xiangli/shared'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { AppException } from '../../core/errors/app.exception'
import { AuditService, SYSTEM_ACTOR } from '../../core/audit/audit.service'
import { TxService } from '../../core/tx/tx.service'
import { Clock } from '../../core/clock/clock'
import { TokensService } from '../../core/auth/tokens.service'
import { PrincipalService } from '../../core/auth/principal.service'
import { isUniqueViolation } from '../../core/database/errors'
import { WechatClient, WechatError } from '../../infra/wechat/wechat.client'
import { Org } from '../orgs/entities/org.entity'
import { Account } from './entities/account.entity'
import { RefreshToken } from './entities/refresh-token.entity'
import { AuthSession, type SessionEndReason } from './entities/auth-session.entity'

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex')
/** errcodes meaning the code itself is bad (used, expired, forged), not that WeChat is down */
const BAD_CODE = new Set([40029, 40163, 40226, 40125, 40013])

export const DEFAULT_PREFERENCES = { elderMode: false, activeOrgId: null }

@Injectable()
export class AuthService {
  private readonly log = new Logger('Auth')

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly tokens: TokensService,
    private readonly principals: PrincipalService,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async demoPeople(): Promise<DemoPeopleResponse> {
    if (!this.config.DEMO_ENABLED) return { enabled: false, people: [] }
    const accounts = await this.ds
      .getRepository(Account)
      .find({ where: { demoKey: Not(IsNull()) }, order: { id: 'ASC' } })
    const orgs = new Map((await this.ds.getRepository(Org).find()).map((o) => [o.id, o.name]))
    const people = []
    for (const a of accounts) {
      const p = await this.principals.load(a.id)
      const entries = [...(p?.roles.entries() ?? [])]
      const [orgId, roles] = entries[0] ?? [null, []]
      const top = sortRoles(roles)[0]
      people.push({
        key: a.demoKey!,
        name: a.displayName,
        roleLabel: top ? ROLE_LABELS[top] : '未认证的新用户',
        orgName: orgId === null ? '尚未加入村（社区）' : (orgs.get(orgId) ?? ''),
      })
    }
    return { enabled: true, people }
  }

  async demoLogin(key: string): Promise<TokenPair> {
    if (!this.config.DEMO_ENABLED) throw new AppException('DEMO_DISABLED')
    const account = await this.ds.getRepository(Account).findOneBy({ demoKey: key })
    if (!account) throw new AppException('NOT_FOUND', undefined, '没有这个演示用户')
    return this.startSession(account.id)
  }

  async wechatLogin(code: string): Promise<TokenPair> {
    if (!this.wechat.configured) throw new AppException('WECHAT_UNAVAILABLE')
    let openid: string
    try {
      openid = (await this.wechat.code2Session(code)).openid
    } catch (e) {
      if (e instanceof WechatError && e.errcode !== null && BAD_CODE.has(e.errcode))
        throw new AppException('WECHAT_LOGIN_FAILED')
      this.log.warn(`code2Session failed: ${(e as Error).message}`)
      throw new AppException('WECHAT_UNAVAILABLE')
    }
    const account = await this.findOrCreateWechatAccount(openid)
    return this.startSession(account.id)
  }

  /**
   * A new login of the account: its session, and the first token pair of it. The refresh tokens of
   * the session rotate in the family named by its id; its access tokens carry the id.
   */
  async startSession(accountId: number): Promise<TokenPair> {
    return this.issue(accountId, randomUUID(), true)
  }

  private async findOrCreateWechatAccount(openid: string): Promise<Account> {
    const repo = this.ds.getRepository(Account)
    const found = await repo.findOneBy({ openid })
    if (found) return found
    try {
      return await this.tx.run(async (m) => {
        const account = await m.getRepository(Account).save({
          openid,
          demoKey: null,
          displayName: '微信用户',
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
      if (isUniqueViolation(e)) return repo.findOneByOrFail({ openid })
      throw e
    }
  }

  private async issue(accountId: number, familyId: string, isNew = false): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url')
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400_000)
    await this.tx.run(async (m) => {
      if (isNew)
        await m.getRepository(AuthSession).insert({ id: familyId, accountId, endedAt: null, endReason: null })
      await m.getRepository(RefreshToken).insert({
        accountId,
        tokenHash: hashToken(refreshToken),
        familyId,
        expiresAt,
        rotatedAt: null,
        revokedAt: null,
      })
      await m.getRepository(Account).update({ id: accountId }, { lastLoginAt: new Date() })
    })
    return { ...this.tokens.issueAccess(accountId, familyId), refreshToken }
  }

  async refresh(token: string): Promise<TokenPair> {
    const repo = this.ds.getRepository(RefreshToken)
    const row = await repo.findOneBy({ tokenHash: hashToken(token) })
    if (!row || row.revokedAt || row.expiresAt.getTime() < Date.now())
      throw new AppException('AUTH_REFRESH_INVALID')
    const rotated = await this.tx.run((m) =>
      m.getRepository(RefreshToken).update({ id: row.id, rotatedAt: IsNull() }, { rotatedAt: new Date() }),
    )
    if (!rotated.affected) {
      // a token used twice was copied: end that login, its access tokens included
      await this.endSession(row.familyId, 'reuse')
      throw new AppException('AUTH_REFRESH_REUSED')
    }
    return this.issue(row.accountId, row.familyId)
  }

  async logout(token: string): Promise<{ ok: true }> {
    const row = await this.ds.getRepository(RefreshToken).findOneBy({ tokenHash: hashToken(token) })
    if (row) await this.endSession(row.familyId, 'logout')
    return { ok: true }
  }

  /**
   * Ends a login: its refresh tokens are revoked and its session is marked ended, which the principal
   * query reads on every request, so its access tokens stop working at once too. The first reason
   * stays: a session ended for reuse is not relabelled by a later logout.
   */
  private async endSession(familyId: string, reason: SessionEndReason): Promise<void> {
    await this.tx.run(async (m) => {
      const now = this.clock.now()
      await m.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now })
      await m
        .getRepository(AuthSession)
        .update({ id: familyId, endedAt: IsNull() }, { endedAt: now, endReason: reason })
    })
  }
}
