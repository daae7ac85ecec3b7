import { Logger } from '@nestjs/common'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { NestFastifyApplication } from '@nestjs/platform-fastify'
import { authRoutes, pageRoutes, verificationRoutes, type Route } from '@xiangli/shared'
import rateLimit, { normalizeIP } from '@fastify/rate-limit'
import type Redis from 'ioredis'
import type { AppConfig, RateLimit } from '../config/config'
import { loadRedis } from '../lazy-modules'
import { AppException } from '../errors/app.exception'
import type { TokensService } from '../auth/tokens.service'

/**
 * Rate limits, on @fastify/rate-limit. It is kept by the Fastify team, ships an atomic Redis store
 * (one Lua script per count) beside its in-memory one, and its limiter runs as a Fastify hook before
 * Nest parses a body or loads a principal, so a flood costs no database work. @nestjs/throttler
 * would run as a guard, after routing into Nest, and needs a third-party package for Redis.
 */

/** What a request is limited as; reads are not limited, except the public certificate check (API and page). */
export type LimitedAction = 'login' | 'refresh' | 'verification' | 'certificateCheck' | 'upload' | 'write'

const CERTIFICATE_CHECK = '/api/certificates/verify'
const CERTIFICATE_CHECK_PAGE = pageRoutes.certificateCheck.path
const named = (r: Route): string => `${r.method} ${r.path}`
/** The routes with limits of their own, named by the contract so a moved path keeps its limit. */
const NAMED_ROUTES: Record<string, LimitedAction> = {
  [named(authRoutes.demoLogin)]: 'login',
  [named(authRoutes.wechatLogin)]: 'login',
  [named(authRoutes.refresh)]: 'refresh',
  [named(verificationRoutes.claim)]: 'verification',
  [`GET ${CERTIFICATE_CHECK}`]: 'certificateCheck',
  // the same check as a plain page (the QR code opens it): the same count, so the page buys no tries
  [named(pageRoutes.certificateCheck)]: 'certificateCheck',
}
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function limitedAction(
  method: string,
  routeUrl: string | undefined,
  contentType: string | undefined,
): LimitedAction | null {
  const named = routeUrl === undefined ? undefined : NAMED_ROUTES[`${method} ${routeUrl}`]
  if (named) return named
  if (READS.has(method)) return null
  if (contentType?.toLowerCase().startsWith('multipart/')) return 'upload'
  return 'write'
}

const SETTING: Record<LimitedAction, keyof AppConfig> = {
  login: 'RATE_LIMIT_LOGIN',
  refresh: 'RATE_LIMIT_REFRESH',
  verification: 'RATE_LIMIT_VERIFICATION',
  certificateCheck: 'RATE_LIMIT_CERTIFICATE_CHECK',
  upload: 'RATE_LIMIT_UPLOAD',
  write: 'RATE_LIMIT_WRITE',
}

/**
 * Whose count a request adds to: the account whose valid access token it carries (checked by its
 * signature alone, no database), otherwise the address it comes from. The public certificate check
 * is always counted per address, so logging in does not buy a scan more tries. A village can sit
 * behind one address, which is why logged-in requests are never counted per address.
 */
function keyOf(req: FastifyRequest, action: LimitedAction, tokens: TokensService): string {
  const header = req.headers.authorization
  if (action !== 'certificateCheck' && header?.startsWith('Bearer ')) {
    const accountId = tokens.accountOf(header.slice(7))
    if (accountId !== null) return `${action}:account:${accountId}`
  }
  // an IPv6 client is counted by its /64, which one household or phone holds whole
  return `${action}:address:${normalizeIP(req.ip ?? 'unknown')}`
}

/**
 * The library's Redis store with one key space for every limiter: its `child` would prefix each
 * limiter made outside a route with the route's method and URL, which such a limiter does not have.
 */
function sharedRedisStore(redis: Redis, prefix: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RedisStore = require('@fastify/rate-limit/store/RedisStore') as new (
    continueExceeding: boolean,
    exponentialBackoff: boolean,
    redis: Redis,
    key: string,
  ) => object
  return class SharedRedisStore extends RedisStore {
    constructor() {
      super(false, false, redis, prefix)
    }
    child() {
      return this
    }
  }
}

/**
 * Counts every limited request and answers one over its limit with RATE_LIMITED and a Retry-After
 * header. With REDIS_URL the counts live in Redis and every instance shares them; without it each
 * instance counts in memory. When Redis cannot be reached requests go through uncounted: a limit
 * that fails closed would take the whole service down with it.
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  config: AppConfig,
  tokens: TokensService,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance
  const redis = config.REDIS_URL
    ? new (loadRedis())(config.REDIS_URL, {
        // a request never waits for Redis to come back: it fails at once and goes through uncounted
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 500,
        connectTimeout: 2000,
      })
    : null
  if (redis) {
    const log = new Logger('RateLimits')
    let warned = false
    // ioredis reconnects by itself; a listener keeps each failed attempt from being an uncaught error
    redis.on('error', (e: Error) => {
      if (!warned) log.warn(`Redis at REDIS_URL unreachable, requests go through uncounted: ${e.message}`)
      warned = true
    })
    redis.on('ready', () => (warned = false))
    // the first requests after boot are counted too: wait for the connection, but not for a Redis that is down
    await new Promise<void>((ok) => {
      const done = () => {
        clearTimeout(timer)
        ok()
      }
      const timer = setTimeout(done, 3000)
      redis.once('ready', done)
    })
  }
  await app.register(rateLimit as never, {
    global: false,
    skipOnError: true,
    ...(redis ? { store: sharedRedisStore(redis, `${config.REDIS_KEY_PREFIX}rate:`) } : {}),
  })

  const limiters = new Map<LimitedAction, ReturnType<FastifyInstance['createRateLimit']>>()
  for (const action of Object.keys(SETTING) as LimitedAction[]) {
    const limit = config[SETTING[action]] as RateLimit | null
    if (!limit) continue
    limiters.set(
      action,
      fastify.createRateLimit({
        max: limit.max,
        timeWindow: limit.windowMs,
        keyGenerator: (req) => keyOf(req, action, tokens),
        // the in-memory store's size: an address scan evicts the oldest counts, never grows memory
        ...({ cache: 50_000 } as object),
      }),
    )
  }

  fastify.addHook('onRequest', async (req, reply) => {
    // most requests are reads, and every read but one is free: decided before building routeOptions
    if (
      READS.has(req.method) &&
      !req.url.startsWith(CERTIFICATE_CHECK) &&
      !req.url.startsWith(CERTIFICATE_CHECK_PAGE)
    )
      return
    const action = limitedAction(req.method, req.routeOptions.url, req.headers['content-type'])
    const limiter = action && limiters.get(action)
    if (!limiter) return
    const result = await limiter(req)
    if (result.isAllowed || !result.isExceeded) return
    void reply.header('retry-after', String(Math.max(1, result.ttlInSeconds)))
    throw new AppException('RATE_LIMITED')
  })
  if (redis)
    fastify.addHook('onClose', async () => {
      if (redis.status === 'ready') await redis.quit().catch(() => undefined)
      // stops the reconnecting to a Redis that is down, which would keep the process alive
      redis.disconnect()
    })
}
