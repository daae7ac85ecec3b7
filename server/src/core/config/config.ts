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
    WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
    DEMO_ENABLED: bool.default('false'),
    /** the built H5 app to serve at / */
    H5_DIR: z.string().min(1).optional(),
    PUBLIC_BASE_URL: z.string().url('must be a URL such as https://xiangli.example.cn').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(600000).default(5000),
    /** where uploaded photos are kept, one file per distinct content */
    UPLOAD_DIR: z.string().min(1).default('data/uploads'),
    /** how often overdue residents' issues are looked for and sent up to the township */
    /** a font with Chinese glyphs for certificate PDFs; a .ttc collection also needs CJK_FONT_NAME, the PostScript name of the face (fc-scan shows it) */
    CJK_FONT_PATH: z.string().min(1).default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
    CJK_FONT_NAME: z.string().min(1).default('WenQuanYiMicroHei'),
    /** lets an administrator move the server's clock forward (POST /api/test/clock); for tests, never production */
    TEST_CLOCK: bool.default('false'),
    GRIEVANCE_ESCALATION_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
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
    if (c.NODE_ENV === 'production' && !c.DATABASE_URL)
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production (MySQL)' })
  })

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
