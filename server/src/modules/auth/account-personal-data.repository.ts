import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { DEFAULT_PREFERENCES } from './auth.rules'
import { Account } from './entities/account.entity'
import { AuthSession } from './entities/auth-session.entity'
import { RefreshToken } from './entities/refresh-token.entity'

/** The account and its logins, as 我的数据 shows them and as deletion removes them. */
@Injectable()
export class AccountPersonalData implements PersonalDataSection {
  readonly section = 'account'
  constructor(private readonly ds: DataSource) {}

  async exportOf({ accountId }: DataSubject, m: EntityManager = this.ds.manager) {
    const a = await m.getRepository(Account).findOneBy({ id: accountId })
    if (!a) return null
    const sessions = await m
      .getRepository(AuthSession)
      .find({ where: { accountId }, order: { createdAt: 'ASC' } })
    return {
      id: a.id,
      displayName: a.displayName,
      wechatLinked: a.openid !== null,
      createdAt: a.createdAt.toISOString(),
      lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
      preferences: a.preferences,
      sessions: sessions.map((s) => ({
        startedAt: s.createdAt.toISOString(),
        endedAt: s.endedAt?.toISOString() ?? null,
        endReason: s.endReason,
      })),
    }
  }

  /**
   * The name, the WeChat identity and every login go; the account's number stays, so the audit trail
   * and the records kept by law point at 已注销用户. The same WeChat user logging in again gets a new,
   * unverified account.
   */
  async erase(m: EntityManager, { accountId }: DataSubject): Promise<ErasureOutcome> {
    await m.getRepository(Account).update(
      { id: accountId },
      {
        displayName: ERASED_NAME,
        openid: null,
        demoKey: null,
        preferences: DEFAULT_PREFERENCES,
        lastLoginAt: null,
      },
    )
    await m.getRepository(RefreshToken).delete({ accountId })
    const sessions = await m.getRepository(AuthSession).delete({ accountId })
    return {
      section: this.section,
      erased: 1 + (sessions.affected ?? 0),
      kept: 0,
      note: '账号名称、微信身份、偏好和登录记录已删除，账号只剩一个编号，记录里显示为“已注销用户”',
    }
  }
}
