import { loadConfig } from '../../src/core/config/config'
import { dataSourceOptions, databaseTarget } from '../../src/core/database/data-source'

const env = (overrides: Record<string, string | undefined> = {}) =>
  loadConfig({
    JWT_SECRET: 'a-secret-that-is-at-least-32-characters-long',
    FIELD_ENCRYPTION_KEY: 'ab'.repeat(32),
    ...overrides,
  })

const PRIMARY = 'mysql://app:pw@db-primary:3306/xiangli'
const REPLICA = 'mysql://reader:pw@db-replica:3306/xiangli'

describe('database options', () => {
  it('opens one MySQL pool of DB_POOL_SIZE connections with no replica', () => {
    const o = dataSourceOptions(databaseTarget(env({ DATABASE_URL: PRIMARY, DB_POOL_SIZE: '7' })), [])
    expect(o).toMatchObject({ type: 'mysql', url: PRIMARY, extra: { connectionLimit: 7 } })
    expect(o).not.toHaveProperty('replication')
  })

  it('keeps a pool of 20 when DB_POOL_SIZE is not set', () => {
    const o = dataSourceOptions(databaseTarget(env({ DATABASE_URL: PRIMARY })), [])
    expect(o).toMatchObject({ extra: { connectionLimit: 20 } })
  })

  it('builds primary and replica from DB_READ_URL, everything on the primary unless asked', () => {
    const o = dataSourceOptions(databaseTarget(env({ DATABASE_URL: PRIMARY, DB_READ_URL: REPLICA })), [])
    expect(o).toMatchObject({
      type: 'mysql',
      replication: { master: { url: PRIMARY }, slaves: [{ url: REPLICA }], defaultMode: 'master' },
      extra: { connectionLimit: 20 },
    })
    expect(o).not.toHaveProperty('url')
  })

  it('ignores DB_READ_URL and DB_POOL_SIZE on SQLite', () => {
    const target = databaseTarget(env({ DB_READ_URL: REPLICA, DB_POOL_SIZE: '3', SQLITE_PATH: ':memory:' }))
    expect(target).toEqual({ dialect: 'sqlite', url: expect.stringContaining(':memory:') })
    const o = dataSourceOptions({ dialect: 'sqlite', url: ':memory:' }, [])
    expect(o.type).toBe('better-sqlite3')
    expect(o).not.toHaveProperty('replication')
  })

  it.each([
    [
      'DB_READ_URL',
      'postgres://x/y',
      'DB_READ_URL: must look like mysql://user:password@replica-host:3306/database',
    ],
    ['DB_POOL_SIZE', '0', 'DB_POOL_SIZE: Number must be greater than or equal to 1'],
  ])('refuses a wrong %s naming it', (name, value, problem) => {
    expect(() => env({ DATABASE_URL: PRIMARY, [name]: value })).toThrow(
      expect.objectContaining({ problems: [problem] }) as Error,
    )
  })
})
