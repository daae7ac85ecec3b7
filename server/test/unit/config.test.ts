import { ConfigError, loadConfig } from '../../src/core/config/config'

/** The smallest environment the server starts with; each test changes what it is about. */
const env = (overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
  JWT_SECRET: 'a-secret-that-is-at-least-32-characters-long',
  FIELD_ENCRYPTION_KEY: 'ab'.repeat(32),
  ...overrides,
})

function problemsOf(e: Record<string, string | undefined>): string[] {
  try {
    loadConfig(e)
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  throw new Error('loadConfig accepted the configuration')
}

describe('loadConfig', () => {
  it('names JWT_SECRET when it is missing', () => {
    expect(problemsOf(env({ JWT_SECRET: undefined }))).toEqual(['JWT_SECRET: is missing'])
  })

  it('names JWT_SECRET when it is too short', () => {
    expect(problemsOf(env({ JWT_SECRET: 'short' }))).toEqual(['JWT_SECRET: must be at least 32 characters'])
  })

  it('treats an empty value as missing', () => {
    expect(problemsOf(env({ JWT_SECRET: '' }))).toEqual(['JWT_SECRET: is missing'])
  })

  it.each([
    ['too short', 'abcd'],
    ['63 hex characters', 'a'.repeat(63)],
    ['not hex', 'g'.repeat(64)],
    ['base64 of 31 bytes', Buffer.alloc(31, 1).toString('base64')],
  ])('names FIELD_ENCRYPTION_KEY when it is %s', (_, key) => {
    expect(problemsOf(env({ FIELD_ENCRYPTION_KEY: key }))).toEqual([
      'FIELD_ENCRYPTION_KEY: must be 32 bytes, written as 64 hex characters or 44 base64 characters',
    ])
  })

  it('accepts the field key as 44 base64 characters', () => {
    const key = Buffer.alloc(32, 7)
    expect(loadConfig(env({ FIELD_ENCRYPTION_KEY: key.toString('base64') })).fieldKey.equals(key)).toBe(true)
  })

  it.each(['postgres://u@h/db', 'mysql://host', 'mysql://u@h:3306/my-db', 'localhost:3306/db'])(
    'names DATABASE_URL when it is %s',
    (url) => {
      expect(problemsOf(env({ DATABASE_URL: url }))).toEqual([
        'DATABASE_URL: must look like mysql://user:password@host:3306/database',
      ])
    },
  )

  it('accepts a MySQL URL with a password and options', () => {
    expect(
      loadConfig(env({ DATABASE_URL: 'mysql://app:p%40ss@db.internal:3306/xiangli?ssl=true' })).DATABASE_URL,
    ).toBe('mysql://app:p%40ss@db.internal:3306/xiangli?ssl=true')
  })

  it('refuses demo logins in production', () => {
    const problems = problemsOf(
      env({
        NODE_ENV: 'production',
        DEMO_ENABLED: 'true',
        DATABASE_URL: 'mysql://u@h/db',
        WECHAT_APP_ID: 'wx1',
        WECHAT_APP_SECRET: 's',
        PUBLIC_BASE_URL: 'https://xiangli.example.cn',
      }),
    )
    expect(problems).toEqual(['DEMO_ENABLED: must be false in production: demo logins bypass WeChat'])
  })

  it('refuses a movable clock in production', () => {
    const problems = problemsOf(
      env({
        NODE_ENV: 'production',
        TEST_CLOCK: 'true',
        DATABASE_URL: 'mysql://u@h/db',
        WECHAT_APP_ID: 'wx1',
        WECHAT_APP_SECRET: 's',
        PUBLIC_BASE_URL: 'https://xiangli.example.cn',
      }),
    )
    expect(problems).toEqual(['TEST_CLOCK: must be false in production: it lets the server clock be moved'])
  })

  it('requires WeChat credentials and MySQL in production', () => {
    expect(problemsOf(env({ NODE_ENV: 'production' }))).toEqual([
      'WECHAT_APP_ID: WECHAT_APP_ID and WECHAT_APP_SECRET are required in production',
      'PUBLIC_BASE_URL: is required in production (e.g. https://xiangli.example.cn): certificate QR codes and links point there, never at localhost',
      'DATABASE_URL: is required in production (MySQL)',
    ])
  })

  it('refuses production without the public address, which certificate QR codes point at', () => {
    expect(
      problemsOf(
        env({
          NODE_ENV: 'production',
          DATABASE_URL: 'mysql://u@h/db',
          WECHAT_APP_ID: 'wx1',
          WECHAT_APP_SECRET: 's',
        }),
      ),
    ).toEqual([
      'PUBLIC_BASE_URL: is required in production (e.g. https://xiangli.example.cn): certificate QR codes and links point there, never at localhost',
    ])
  })

  it.each([
    ['PURGE_INTERVAL_MS', '10'],
    ['IDEMPOTENCY_RETENTION_HOURS', '0'],
    ['EXPIRED_SESSION_RETENTION_DAYS', 'week'],
    ['OUTBOX_SENT_RETENTION_DAYS', '-1'],
    ['UNATTACHED_UPLOAD_RETENTION_HOURS', '1.5'],
    ['MIGRATION_LOCK_TIMEOUT_SECONDS', '0'],
    ['SHUTDOWN_GRACE_MS', '-5'],
    ['METRICS_TOKEN', 'short'],
  ])('names %s when it is %s', (name, value) => {
    expect(problemsOf(env({ [name]: value })).map((p) => p.split(':')[0])).toEqual([name])
  })

  it('keeps idempotency answers two days, spent logins a week, sent messages a month and abandoned uploads two days', () => {
    expect(loadConfig(env())).toMatchObject({
      PURGE_INTERVAL_MS: 3_600_000,
      IDEMPOTENCY_RETENTION_HOURS: 48,
      EXPIRED_SESSION_RETENTION_DAYS: 7,
      OUTBOX_SENT_RETENTION_DAYS: 30,
      UNATTACHED_UPLOAD_RETENTION_HOURS: 48,
    })
  })

  it('starts in production with everything production needs', () => {
    const c = loadConfig(
      env({
        NODE_ENV: 'production',
        DATABASE_URL: 'mysql://u@h/db',
        WECHAT_APP_ID: 'wx1',
        WECHAT_APP_SECRET: 's',
        PUBLIC_BASE_URL: 'https://xiangli.example.cn',
      }),
    )
    expect(c.DEMO_ENABLED).toBe(false)
  })

  it('names WECHAT_API_BASE when it is not a URL', () => {
    expect(problemsOf(env({ WECHAT_API_BASE: 'api.weixin.qq.com' }))).toEqual([
      'WECHAT_API_BASE: must be a URL such as https://api.weixin.qq.com',
    ])
  })

  it('takes the EncodingAESKey of 安全模式 only as 43 letters and digits, with the token and the AppID', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
    const withKeys = { WECHAT_MSG_AES_KEY: key, WECHAT_MSG_TOKEN: 'tok123', WECHAT_APP_ID: 'wx1' }
    expect(loadConfig(env(withKeys)).WECHAT_MSG_AES_KEY).toBe(key)
    expect(problemsOf(env({ ...withKeys, WECHAT_MSG_AES_KEY: 'short' }))).toEqual([
      'WECHAT_MSG_AES_KEY: EncodingAESKey 是公众平台给的 43 位字母数字',
    ])
    expect(problemsOf(env({ WECHAT_MSG_AES_KEY: key })).map((p) => p.split(':')[0])).toEqual([
      'WECHAT_MSG_AES_KEY',
    ])
  })

  it('names DEMO_ENABLED when it is not a yes or no', () => {
    expect(problemsOf(env({ DEMO_ENABLED: 'maybe' }))).toEqual(['DEMO_ENABLED: must be true or false'])
  })

  it('reports every problem at once', () => {
    expect(problemsOf({ PORT: 'eighty' }).map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'JWT_SECRET',
      'FIELD_ENCRYPTION_KEY',
    ])
  })

  it('fills in the defaults', () => {
    const c = loadConfig(env())
    expect(c).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      SQLITE_PATH: 'data/xiangli.sqlite',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      WECHAT_API_BASE: 'https://api.weixin.qq.com',
      WECHAT_TIMEOUT_MS: 5000,
      DEMO_ENABLED: false,
      LOG_LEVEL: 'info',
      OUTBOX_INTERVAL_MS: 5000,
      publicBaseUrl: 'http://localhost:3000',
    })
    expect(c.DATABASE_URL).toBeUndefined()
    expect(c.WECHAT_SUBSCRIBE_TEMPLATE_ID).toBeUndefined()
    expect(c.fieldKey.equals(Buffer.from('ab'.repeat(32), 'hex'))).toBe(true)
  })

  it('reads numbers and yes/no values from their text', () => {
    const c = loadConfig(env({ PORT: '8080', DEMO_ENABLED: 'yes', ACCESS_TOKEN_TTL_SECONDS: '60' }))
    expect(c.PORT).toBe(8080)
    expect(c.DEMO_ENABLED).toBe(true)
    expect(c.ACCESS_TOKEN_TTL_SECONDS).toBe(60)
    expect(loadConfig(env({ DEMO_ENABLED: '0' })).DEMO_ENABLED).toBe(false)
  })

  it('drops the trailing slash of the public base URL', () => {
    expect(loadConfig(env({ PUBLIC_BASE_URL: 'https://xiangli.example.cn/' })).publicBaseUrl).toBe(
      'https://xiangli.example.cn',
    )
  })

  describe('rate limits', () => {
    it('has a limit on every kind by default, counted per minute or per hour', () => {
      const c = loadConfig(env())
      expect(c.RATE_LIMIT_LOGIN).toEqual({ max: 60, windowMs: 60_000 })
      expect(c.RATE_LIMIT_REFRESH).toEqual({ max: 120, windowMs: 60_000 })
      expect(c.RATE_LIMIT_VERIFICATION).toEqual({ max: 10, windowMs: 3_600_000 })
      expect(c.RATE_LIMIT_CERTIFICATE_CHECK).toEqual({ max: 30, windowMs: 60_000 })
      expect(c.RATE_LIMIT_UPLOAD).toEqual({ max: 60, windowMs: 60_000 })
      expect(c.RATE_LIMIT_WRITE).toEqual({ max: 600, windowMs: 60_000 })
    })

    it('reads a count over a window of seconds, minutes or hours, or off', () => {
      expect(loadConfig(env({ RATE_LIMIT_WRITE: '300/10m' })).RATE_LIMIT_WRITE).toEqual({
        max: 300,
        windowMs: 600_000,
      })
      expect(loadConfig(env({ RATE_LIMIT_LOGIN: '5/30s' })).RATE_LIMIT_LOGIN).toEqual({
        max: 5,
        windowMs: 30_000,
      })
      expect(loadConfig(env({ RATE_LIMIT_UPLOAD: '100/2h' })).RATE_LIMIT_UPLOAD).toEqual({
        max: 100,
        windowMs: 7_200_000,
      })
      expect(loadConfig(env({ RATE_LIMIT_LOGIN: 'off' })).RATE_LIMIT_LOGIN).toBeNull()
    })

    it.each(['lots', '0/m', '5/0m', '5 per minute', '5/d', '-1/m'])(
      'names the setting when it is %s',
      (v) => {
        expect(problemsOf(env({ RATE_LIMIT_WRITE: v }))).toEqual([
          'RATE_LIMIT_WRITE: must look like 30/m or 300/10m (per s, m or h), or off',
        ])
      },
    )
  })

  describe('proxies and Redis', () => {
    it('believes no proxy by default', () => {
      expect(loadConfig(env()).TRUST_PROXY).toEqual([])
    })

    it('reads proxies as addresses, CIDRs and named ranges separated by commas', () => {
      expect(
        loadConfig(env({ TRUST_PROXY: '10.0.0.2, 172.16.0.0/12,::1,fd00::/8,loopback' })).TRUST_PROXY,
      ).toEqual(['10.0.0.2', '172.16.0.0/12', '::1', 'fd00::/8', 'loopback'])
    })

    it.each(['true', '*', '10.0.0.0/33', '10.0.0', 'proxy.internal', '10.0.0.0/8/1'])(
      'names TRUST_PROXY when it lists %s',
      (v) => {
        expect(problemsOf(env({ TRUST_PROXY: v }))).toEqual([
          'TRUST_PROXY: must list addresses or CIDRs separated by commas, e.g. 10.0.0.2,172.16.0.0/12',
        ])
      },
    )

    it('names REDIS_URL when it is not a redis:// URL', () => {
      expect(problemsOf(env({ REDIS_URL: '127.0.0.1:6379' }))).toEqual([
        'REDIS_URL: must look like redis://127.0.0.1:6379 or rediss://user:password@host:6380/0',
      ])
      expect(loadConfig(env({ REDIS_URL: 'redis://127.0.0.1:6379' })).REDIS_URL).toBe(
        'redis://127.0.0.1:6379',
      )
    })
  })

  describe('the object store', () => {
    const bucket = {
      S3_BUCKET: 'xiangli-1250000000',
      S3_ACCESS_KEY_ID: 'AKIDexample',
      S3_SECRET_ACCESS_KEY: 'secret',
    }

    it('keeps files under UPLOAD_DIR unless a bucket is named', () => {
      const c = loadConfig(env())
      expect({ bucket: c.S3_BUCKET, region: c.S3_REGION, pathStyle: c.S3_FORCE_PATH_STYLE }).toEqual({
        bucket: undefined,
        region: 'us-east-1',
        pathStyle: false,
      })
    })

    it('takes a COS or MinIO bucket with its endpoint, region, keys and path style', () => {
      const c = loadConfig(
        env({
          ...bucket,
          S3_ENDPOINT: 'http://minio:9000',
          S3_REGION: 'ap-guangzhou',
          S3_FORCE_PATH_STYLE: 'true',
        }),
      )
      expect(c).toMatchObject({
        S3_BUCKET: 'xiangli-1250000000',
        S3_ENDPOINT: 'http://minio:9000',
        S3_REGION: 'ap-guangzhou',
        S3_FORCE_PATH_STYLE: true,
      })
    })

    it('names what is missing or wrong', () => {
      expect(problemsOf(env({ S3_BUCKET: 'xiangli' }))).toEqual([
        'S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_BUCKET',
      ])
      expect(problemsOf(env({ S3_ENDPOINT: 'http://minio:9000' }))).toEqual([
        'S3_BUCKET: is required when any other S3_ setting is given (the object store is used only with a bucket)',
      ])
      expect(problemsOf(env({ ...bucket, S3_BUCKET: 'Xiangli_Files' }))).toEqual([
        'S3_BUCKET: must be a bucket name: 3–63 lower-case letters, digits, dots, hyphens',
      ])
      expect(problemsOf(env({ ...bucket, S3_ENDPOINT: 'minio:9000' }))).toEqual([
        'S3_ENDPOINT: must be a URL such as https://cos.ap-guangzhou.myqcloud.com',
      ])
      expect(problemsOf(env({ ...bucket, S3_FORCE_PATH_STYLE: 'maybe' }))).toEqual([
        'S3_FORCE_PATH_STYLE: must be true or false',
      ])
    })
  })
})
