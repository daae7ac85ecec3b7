import { ENTITIES } from '../../src/entities'
import { DataSource } from 'typeorm'
import { dataSourceOptions, type DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { MYSQL_MIGRATIONS } from '../../src/migrations/mysql'
import { SQLITE_MIGRATIONS } from '../../src/migrations/sqlite'
import { DIALECT } from '../support/app'
import { ensureServerBuilt, spawnServer, type SpawnedServer } from '../support/spawned-server'

/**
 * Two instances of a new deployment start at the same moment on an empty database, as a load
 * balancer's pool or an orchestrator brings them up: both must come up, the schema made once.
 */
describe(`two server processes starting together on a fresh ${DIALECT} database`, () => {
  let target: DatabaseTarget
  let drop: () => Promise<void>
  const servers: SpawnedServer[] = []

  beforeAll(async () => {
    ensureServerBuilt()
    ;({ target, drop } = await freshDatabase(DIALECT))
  }, 300_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await drop()
  })

  it('both answer /health, and every migration ran once', async () => {
    const started = await Promise.allSettled(
      [1, 2].map(() => spawnServer(target, { DEMO_ENABLED: 'false', LOG_LEVEL: 'info' })),
    )
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value)
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up'))).toEqual(['up', 'up'])
    for (const s of servers) {
      const res = await fetch(`${s.url}/health`)
      expect(res.status).toBe(200)
    }
    const ds = new DataSource(dataSourceOptions(target, ENTITIES))
    await ds.initialize()
    try {
      const ran = (await ds.query('SELECT name FROM migrations')) as { name: string }[]
      const expected = (DIALECT === 'mysql' ? MYSQL_MIGRATIONS : SQLITE_MIGRATIONS).length
      expect(ran).toHaveLength(expected)
      expect(new Set(ran.map((r) => r.name)).size).toBe(expected)
    } finally {
      await ds.destroy()
    }
  }, 180_000)
})
