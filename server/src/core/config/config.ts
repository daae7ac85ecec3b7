import { isIP } from 'node:net'
import { z } from 'zod'

/**
 * Every setting the server reads, validated once at boot. A wrong or missing one stops the server
 * with a message naming it; nothing reads process.env anywhere else.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const key32 = z
  .string()
  .refine(
    (v) => decodeKey(v) !== null,
    'must be 32 bytes, written as 64 hex characters or 44 base64 characters',
  )

export function decodeKey(v: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex')
  if (/^[A-Za-z0-9+/]{43}=$/.test(v)) {
    const b = Buffer.from(v, 'base64')
    return b.length === 32 ? b : null
  }
  return null
}

/** A limit written `<count>/<window>`, e.g. `30/m` or `300/10m` (s, m, h), or `off`. */
export interface RateLimit {
  max: number
  windowMs: number
}
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const
export function parseRateLimit(v: string): RateLimit | null | undefined {
  if (v === 'off') return null
  const m = /^(\d{1,6})\/(\d{0,4})(s|m|h)$/.exec(v)
  if (!m || Number(m[1]) < 1 || (m[2] !== '' && Number(m[2]) < 1)) return undefined
  return { max: Number(m[1]), windowMs: Number(m[2] || 1) * UNIT_MS[m[3] as keyof typeof UNIT_MS] }
}
const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => parseRateLimit(v) !== undefined, 'must look like 30/m or 300/10m (per s, m or h), or off')
    .transform((v) => parseRateLimit(v)!)

/** proxy-addr's names for address ranges, accepted beside plain addresses and CIDRs */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal']
export function isProxyAddress(v: string): boolean {
  if (PROXY_RANGES.includes(v)) return true
  const [addr, bits, ...rest] = v.split('/')
  const family = isIP(addr ?? '')
  if (!family || rest.length) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

/** What a subscribe-message field is filled with: a part of the notice, or `=` and fixed text. */
export const TEMPLATE_SOURCES = ['title', 'body', 'time', 'kind'] as const
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number] | `=${string}`
export interface TemplateMapping {
  id: string
  /** WeChat's field name (thing1, time2, phrase3 …) → what fills it */
  fields: Record<string, TemplateSource>
}
export type TemplateMap = Record<string, TemplateMapping>

const templateSchema = z.record(
  z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/, 'keys are event kinds such as grievance.replied, or grievance.*'),
  z
    .object({
      id: z.string().min(1).max(64),
      fields: z
        .record(
          z.string().regex(/^[a-z_]+\d+$/, 'field names look like thing1 or time2'),
          z.union([
            z.enum(TEMPLATE_SOURCES),
            z.string().regex(/^=.{1,20}$/, 'fixed text is = and up to 20 characters'),
          ]),
        )
        .refine((f) => Object.keys(f).length > 0, 'a template needs at least one field'),
    })
    .strict(),
)

/** WECHAT_TEMPLATES → the map, or the reason it is wrong (a sentence naming the place). */
export function parseTemplates(v: string): TemplateMap | string {
  let json: unknown
  try {
    json = JSON.parse(v)
  } catch {
    return 'must be JSON, e.g. {"grievance.replied":{"id":"<template id>","fields":{"thing1":"title","thing2":"body"}}}'
  }
  const r = templateSchema.safeParse(json)
  if (r.success) return r.data as TemplateMap
  const i = r.error.issues[0]!
  return `${i.path.length ? `at ${i.path.join('.')}: ` : ''}${i.message}`
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** mysql://user:pass@host:3306/db; absent means the embedded SQLite file */
    DATABASE_URL: z
      .string()
      .regex(
        /^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/,
        'must look like mysql://user:password@host:3306/database',
      )
      .optional(),
    SQLITE_PATH: z.string().min(1).default('data/xiangli.sqlite'),
    /** MySQL connections each instance keeps open at most (SQLite has one) */
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    /** a read replica of DATABASE_URL for reports and the township's counts; SQLite ignores it */
    DB_READ_URL: z
      .string()
      .regex(
        /^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/,
        'must look like mysql://user:password@replica-host:3306/database',
      )
      .optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    FIELD_ENCRYPTION_KEY: key32,
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    WECHAT_API_BASE: z
      .string()
      .url('must be a URL such as https://api.weixin.qq.com')
      .default('https://api.weixin.qq.com'),
    WECHAT_APP_ID: z.string().min(1).optional(),
    WECHAT_APP_SECRET: z.string().min(1).optional(),
    /** subscribe-message template used for workflow notices; without it only the in-app inbox is used */
    WECHAT_SUBSCRIBE_TEMPLATE_ID: z.string().min(1).optional(),
    /**
     * Which subscribe-message template tells people of which event, and what goes in its fields:
     * JSON `{"<event kind or prefix.*>": {"id": "<template id>", "fields": {"thing1": "title", ...}}}`
     * (see parseTemplates). A kind not listed falls to WECHAT_SUBSCRIBE_TEMPLATE_ID, if set.
     */
    WECHAT_TEMPLATES: z
      .string()
      .default('{}')
      .transform((v, ctx) => {
        const parsed = parseTemplates(v)
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed })
          return z.NEVER
        }
        return parsed
      }),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
    /** the token set for 消息推送 in the mini program's admin console: WeChat signs its pushes with it */
    WECHAT_MSG_TOKEN: z.string().min(3).max(32).optional(),
    // 消息推送 in 安全模式: the platform's EncodingAESKey; set, only encrypted pushes are believed
    WECHAT_MSG_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}$/, 'EncodingAESKey 是公众平台给的 43 位字母数字')
      .optional(),
    /** how often content checks WeChat could not answer are tried again */
    CONTENT_CHECK_RETRY_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
    // how long a photo's result may take to be pushed before WeChat is asked again (3 times, then the 两委 decide)
    CONTENT_CHECK_PUSH_WAIT_MS: z.coerce.number().int().min(1000).max(86_400_000).default(1_800_000),
    DEMO_ENABLED: bool.default('false'),
    /** the built H5 app to serve at / */
    H5_DIR: z.string().min(1).optional(),
    PUBLIC_BASE_URL: z.string().url('must be a URL such as https://xiangli.example.cn').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(600000).default(5000),
    /** where uploaded photos are kept, one file per distinct content, when no object store (S3_BUCKET) is set */
    UPLOAD_DIR: z.string().min(1).default('data/uploads'),
    // Object storage (S3 protocol: Tencent COS, MinIO, AWS): with S3_BUCKET set, uploads and
    // certificate PDFs are kept there instead of UPLOAD_DIR. The bucket stays private.
    /** e.g. https://cos.ap-guangzhou.myqcloud.com or http://minio:9000; absent means AWS's own */
    S3_ENDPOINT: z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'must be a URL such as https://cos.ap-guangzhou.myqcloud.com')
      .optional(),
    S3_BUCKET: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'must be a bucket name: 3–63 lower-case letters, digits, dots, hyphens',
      )
      .optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** bucket in the path (http://host/bucket/key), as MinIO wants, instead of in the host name */
    S3_FORCE_PATH_STYLE: bool.default('false'),
    /** how often overdue residents' issues are looked for and sent up to the township */
    /** a font with Chinese glyphs for certificate PDFs; unset: the bundled Source Han Sans subset, else the system's WenQuanYi Micro Hei. A .ttc collection also needs CJK_FONT_NAME, the PostScript name of the face (fc-scan shows it) */
    CJK_FONT_PATH: z.string().min(1).optional(),
    CJK_FONT_NAME: z.string().min(1).optional(),
    /** lets an administrator move the server's clock forward (POST /api/test/clock); for tests, never production */
    TEST_CLOCK: bool.default('false'),
    GRIEVANCE_ESCALATION_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
    /**
     * days the 两委 have to convene a meeting once a petition (联名提议) reached its threshold; the law
     * (组织法 Art 21, 25) says the meeting must be called but names no time, so this is a setting
     */
    PETITION_CONVENE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /**
     * The reverse proxies in front of the server (addresses or CIDRs, comma-separated), whose
     * X-Forwarded-For is believed. None by default: a client cannot choose the address its requests
     * are limited under by sending the header itself.
     */
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .refine(
        (list) => list.every(isProxyAddress),
        'must list addresses or CIDRs separated by commas, e.g. 10.0.0.2,172.16.0.0/12',
      ),
    /**
     * The bearer token Prometheus sends to read GET /metrics (`Authorization: Bearer <token>`), at
     * least 24 characters. Without it /metrics answers 404: the figures are not for the public.
     */
    METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    /** how long an instance waits for another one that is migrating the MySQL database before giving up */
    MIGRATION_LOCK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
    /** on SIGTERM, how long requests and jobs under way get to finish before the process exits anyway */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
    // Purges: old rows that no workflow reads any more are deleted, by one instance at a time
    /** how often the purges run */
    PURGE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
    /** the answers kept for retried submissions (Idempotency-Key); a phone retries within minutes */
    IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(48),
    /** refresh tokens past their expiry, and logins that have none left, are kept this long after */
    EXPIRED_SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    /** WeChat messages already sent; failed ones stay for the operator */
    OUTBOX_SENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** photos and attachments uploaded but never attached to anything (the form was abandoned) */
    UNATTACHED_UPLOAD_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(48),
    /** where several server instances keep their shared rate-limit counters; without it each keeps its own */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, 'must look like redis://127.0.0.1:6379 or rediss://user:password@host:6380/0')
      .optional(),
    /** prefix of every key this server writes to Redis, so instances of two deployments can share one */
    REDIS_KEY_PREFIX: z.string().min(1).max(64).default('xiangli:'),
    // Rate limits (`<count>/<window>`, or off), counted per account when the request carries a
    // valid login and per address otherwise. Each is far above what a person does, a villager on a
    // phone or a committee member working through a queue; a login flood from one address or a scan
    // of certificate numbers hits its limit within seconds, and the write limit stops a runaway
    // client. Reads other than the public certificate check are not limited: they change nothing,
    // and what they reveal is decided per request by the access rules.
    /** demo and WeChat logins */
    RATE_LIMIT_LOGIN: rateLimit('60/m'),
    /** token refreshes (a phone refreshes every quarter hour; one village may sit behind one address) */
    RATE_LIMIT_REFRESH: rateLimit('120/m'),
    /** real-name claims (name + ID number + phone): each answer says whether the roster has that person */
    RATE_LIMIT_VERIFICATION: rateLimit('10/h'),
    /** the public certificate check, always per address: it is how a scan of numbers would be made */
    RATE_LIMIT_CERTIFICATE_CHECK: rateLimit('30/m'),
    /** photo, attachment and roster uploads */
    RATE_LIMIT_UPLOAD: rateLimit('60/m'),
    /** every other write (POST, PUT, PATCH, DELETE), 200 taps of one ballot button included */
    RATE_LIMIT_WRITE: rateLimit('600/m'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && c.DEMO_ENABLED)
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_ENABLED'],
        message: 'must be false in production: demo logins bypass WeChat',
      })
    if (c.NODE_ENV === 'production' && c.TEST_CLOCK)
      ctx.addIssue({
        code: 'custom',
        path: ['TEST_CLOCK'],
        message: 'must be false in production: it lets the server clock be moved',
      })
    if (c.NODE_ENV === 'production' && (!c.WECHAT_APP_ID || !c.WECHAT_APP_SECRET))
      ctx.addIssue({
        code: 'custom',
        path: ['WECHAT_APP_ID'],
        message: 'WECHAT_APP_ID and WECHAT_APP_SECRET are required in production',
      })
    if (c.WECHAT_MSG_AES_KEY && (!c.WECHAT_MSG_TOKEN || !c.WECHAT_APP_ID))
      ctx.addIssue({
        code: 'custom',
        path: ['WECHAT_MSG_AES_KEY'],
        message:
          'needs WECHAT_MSG_TOKEN and WECHAT_APP_ID: an encrypted push is signed with the token and made for the AppID',
      })
    if (c.NODE_ENV === 'production' && !c.PUBLIC_BASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message:
          'is required in production (e.g. https://xiangli.example.cn): certificate QR codes and links point there, never at localhost',
      })
    if (!c.S3_BUCKET && (c.S3_ENDPOINT || c.S3_ACCESS_KEY_ID || c.S3_SECRET_ACCESS_KEY))
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message:
          'is required when any other S3_ setting is given (the object store is used only with a bucket)',
      })
    if (c.S3_BUCKET && (!c.S3_ACCESS_KEY_ID || !c.S3_SECRET_ACCESS_KEY))
      ctx.addIssue({
        code: 'custom',
        path: ['S3_ACCESS_KEY_ID'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_BUCKET',
      })
    if (c.NODE_ENV === 'production' && !c.DATABASE_URL)
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production (MySQL)' })
  })

/** every setting's name, for docs/operations.md's table (a test keeps the two together) */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.innerType().shape)

export type AppConfig = z.infer<typeof schema> & { publicBaseUrl: string; fieldKey: Buffer }

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // empty strings count as unset, so `FOO=` in a shell does not become an invalid value
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.') || '(config)'
        const missing = i.code === 'invalid_type' && i.received === 'undefined'
        return `${name}: ${missing ? 'is missing' : i.message}`
      }),
    )
  }
  const c = parsed.data
  return {
    ...c,
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    fieldKey: decodeKey(c.FIELD_ENCRYPTION_KEY)!,
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG')
