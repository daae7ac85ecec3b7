import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rmSync } from 'node:fs'
import { createConnection } from 'mysql2/promise'
import type { DatabaseTarget, Dialect } from './data-source'

/**
 * Makes a fresh, empty database for one test suite or one generator run, and removes it afterwards.
 * It refuses to touch a MySQL database whose name does not contain "test".
 */
export async function freshDatabase(
  dialect: Dialect,
  mysqlUrl = process.env.MYSQL_URL,
): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const suffix = randomBytes(4).toString('hex')
  if (dialect === 'sqlite') {
    const file = join(tmpdir(), `xiangli-test-${process.pid}-${suffix}.sqlite`)
    return {
      target: { dialect, url: file },
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}.migrating`]) rmSync(f, { force: true })
      },
    }
  }
  if (!mysqlUrl)
    throw new Error(
      'MYSQL_URL is not set: the MySQL tests need a server, e.g. mysql://root@127.0.0.1:3306/test',
    )
  const url = new URL(mysqlUrl)
  const base = url.pathname.replace(/^\//, '')
  if (!base.includes('test'))
    throw new Error(`refusing to run tests against database "${base}": its name does not contain "test"`)
  const name = `${base}_xl_${suffix}`
  const admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  })
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  await admin.end()
  url.pathname = `/${name}`
  return {
    target: { dialect, url: url.toString() },
    drop: async () => {
      const c = await createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      })
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``)
      await c.end()
    },
  }
}
