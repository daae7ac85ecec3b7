import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common'
import type Redis from 'ioredis'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { loadRedis } from '../../core/lazy-modules'

export interface CachedToken {
  value: string
  /** ms since the epoch; the store forgets the token then */
  expiresAt: number
}

/**
 * Where the WeChat access token is kept between sends. With REDIS_URL every instance reads and
 * writes one copy; without it (or while Redis is unreachable) each instance keeps its own in
 * memory. No lock is needed: stable_token answers every caller the same token while it is valid,
 * so two instances that miss the cache together fetch and store the same value.
 */
@Injectable()
export class AccessTokenStore implements OnModuleDestroy {
  private readonly log = new Logger('WeChatToken')
  private local: CachedToken | null = null
  private readonly redis: Redis | null
  private readonly key: string
  private warned = false

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = `${config.REDIS_KEY_PREFIX}wechat:access-token:${config.WECHAT_APP_ID ?? ''}`
    this.redis = config.REDIS_URL
      ? new (loadRedis())(config.REDIS_URL, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          commandTimeout: 500,
          connectTimeout: 2000,
          lazyConnect: true,
        })
      : null
    this.redis?.on('error', (e: Error) => this.warnOnce(e))
  }

  private warnOnce(e: Error): void {
    if (!this.warned) this.log.warn(`Redis unreachable, the access token is kept in memory: ${e.message}`)
    this.warned = true
  }

  private async shared<T>(op: (r: Redis) => Promise<T>): Promise<T | undefined> {
    const r = this.redis
    if (!r) return undefined
    try {
      if (r.status === 'wait') await r.connect()
      const out = await op(r)
      this.warned = false
      return out
    } catch (e) {
      this.warnOnce(e as Error)
      return undefined
    }
  }

  async get(now = Date.now()): Promise<string | null> {
    const fromRedis = await this.shared((r) => r.get(this.key))
    if (fromRedis) return fromRedis
    return this.local && this.local.expiresAt > now ? this.local.value : null
  }

  async put(token: CachedToken, now = Date.now()): Promise<void> {
    this.local = token
    const ttl = token.expiresAt - now
    if (ttl > 0) await this.shared((r) => r.set(this.key, token.value, 'PX', ttl))
  }

  /** Forgets the token WeChat rejected, but not a newer one another instance already stored. */
  async drop(rejected: string): Promise<void> {
    if (this.local?.value === rejected) this.local = null
    await this.shared((r) =>
      r.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
        1,
        this.key,
        rejected,
      ),
    )
  }

  onModuleDestroy(): void {
    this.redis?.disconnect()
  }
}
