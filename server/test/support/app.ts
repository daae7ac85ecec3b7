import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NestFastifyApplication } from '@nestjs/platform-fastify'
import { DataSource } from 'typeorm'
import { createApp } from '../../src/bootstrap'
import { loadConfig, type AppConfig } from '../../src/core/config/config'
import type { DatabaseTarget, Dialect } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'

/** The database these integration tests run on, chosen by TEST_DB. */
export const DIALECT: Dialect = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite'

export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
  FIELD_ENCRYPTION_KEY: '3f'.repeat(32),
  DEMO_ENABLED: 'true',
  LOG_LEVEL: 'silent',
  WECHAT_API_BASE: 'http://127.0.0.1:9',
  // never the working tree's data/uploads
  UPLOAD_DIR: join(tmpdir(), 'xiangli-test-uploads'),
}

export interface TestApp {
  app: NestFastifyApplication
  ds: DataSource
  config: AppConfig
  /** the database, for a second app on the same one */
  target: DatabaseTarget
  close: () => Promise<void>
  /** logs in as a demo person and returns their access token */
  login: (key: string) => Promise<string>
  request: (opts: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    url: string
    token?: string
    body?: unknown
    headers?: Record<string, string>
    payload?: string | Buffer
  }) => Promise<{ status: number; body: any; headers: Record<string, unknown> }>
}

/**
 * A fresh database with migrations run, the demo data seeded, and the app around it. Given the
 * `target` of another test app, a second server instance on that same database instead; closing it
 * leaves the database to the first.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { target?: DatabaseTarget } = {},
): Promise<TestApp> {
  const { target, drop } = opts.target
    ? { target: opts.target, drop: async () => undefined }
    : await freshDatabase(DIALECT)
  const config = loadConfig({ ...TEST_ENV, ...env })
  const app = await createApp(config, target)
  await app.getHttpAdapter().getInstance().ready()
  const ds = app.get(DataSource)
  const request: TestApp['request'] = async ({ method, url, token, body, headers, payload }) => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        payload: payload ?? (body !== undefined ? JSON.stringify(body) : undefined),
      })
    let parsed: unknown = res.body
    try {
      parsed = JSON.parse(res.body)
    } catch {
      // not JSON (a CSV download, say)
    }
    return { status: res.statusCode, body: parsed, headers: res.headers }
  }
  return {
    app,
    ds,
    config,
    target,
    request,
    login: async (key) => {
      const res = await request({ method: 'POST', url: '/api/auth/demo', body: { key } })
      if (res.status !== 200) throw new Error(`demo login ${key} failed: ${JSON.stringify(res.body)}`)
      return res.body.accessToken
    },
    close: async () => {
      await app.close()
      await drop()
    },
  }
}

/** Builds a multipart/form-data body with one file field. */
export function multipart(
  field: string,
  filename: string,
  content: Buffer,
  contentType = 'application/octet-stream',
) {
  const boundary = '----xiangli' + Math.random().toString(16).slice(2)
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

export async function villageIds(
  ds: DataSource,
): Promise<{ village: number; community: number; township: number }> {
  const rows: { id: number; name: string }[] = await ds.query(
    `SELECT id, name FROM org WHERE name IN ('柳林村','新华社区','柳林镇')`,
  )
  const by = (n: string) => rows.find((r) => r.name === n)!.id
  return { village: by('柳林村'), community: by('新华社区'), township: by('柳林镇') }
}
